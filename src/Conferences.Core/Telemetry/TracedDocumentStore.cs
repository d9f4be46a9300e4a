using System.Diagnostics;

namespace Conferences.Core.Telemetry;

/// <summary>
/// Every store call as a client span (<c>db.system.name</c>, <c>db.operation.name</c>, <c>db.namespace</c>) and in
/// <c>db.client.operation.duration</c>, failures with <c>error.type</c> (docs/operations.md). A decorator, so both
/// adapters are measured alike; registered only when telemetry is on.
/// </summary>
internal sealed class TracedDocumentStore(IDocumentStore inner, string system) : IDocumentStore
{
    public Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken) =>
        TimeAsync("ensure_database", database, async () =>
        {
            await inner.EnsureDatabaseAsync(database, cancellationToken).ConfigureAwait(false);
            return true;
        });

    public Task<bool> DatabaseExistsAsync(string database, CancellationToken cancellationToken) =>
        TimeAsync("database_exists", database, () => inner.DatabaseExistsAsync(database, cancellationToken));

    public Task<JsonObject?> GetAsync(string database, string id, CancellationToken cancellationToken) =>
        TimeAsync("get", database, () => inner.GetAsync(database, id, cancellationToken));

    public Task<byte[]?> GetAttachmentAsync(string database, string id, string name, CancellationToken cancellationToken) =>
        TimeAsync("get_attachment", database, () => inner.GetAttachmentAsync(database, id, name, cancellationToken));

    public Task<string> SaveAsync(string database, JsonObject document, CancellationToken cancellationToken) =>
        TimeAsync("save", database, () => inner.SaveAsync(database, document, cancellationToken));

    public Task DeleteAsync(string database, string id, string revision, CancellationToken cancellationToken) =>
        TimeAsync("delete", database, async () =>
        {
            await inner.DeleteAsync(database, id, revision, cancellationToken).ConfigureAwait(false);
            return true;
        });

    public Task<IReadOnlyList<BulkSaveResult>> SaveManyAsync(string database, IReadOnlyList<JsonObject> documents, CancellationToken cancellationToken) =>
        TimeAsync("save_many", database, () => inner.SaveManyAsync(database, documents, cancellationToken));

    public Task<IReadOnlyList<ViewRow>> QueryViewAsync(string database, ViewDefinition view, ViewQuery query, CancellationToken cancellationToken) =>
        TimeAsync("query_view", database, () => inner.QueryViewAsync(database, view, query, cancellationToken));

    public Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken) => inner.CheckHealthAsync(cancellationToken);

    // no span: a stamp is the cheap check before each cached read, not a document operation an operator traces
    public ValueTask<long?> ChangeStampAsync(string database, CancellationToken cancellationToken) =>
        inner.ChangeStampAsync(database, cancellationToken);

    private async Task<T> TimeAsync<T>(string operation, string database, Func<Task<T>> call)
    {
        using var activity = ConferencesTelemetry.Source.StartActivity($"{system} {operation}", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system.name", system).SetTag("db.operation.name", operation).SetTag("db.namespace", database);
        }
        var started = Stopwatch.GetTimestamp();
        string? error = null;
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            error = e.GetType().Name;
            KapiInstrumentation.Fail(activity, e);
            throw;
        }
        finally
        {
            var tags = new TagList { { "db.system.name", system }, { "db.operation.name", operation } };
            if (error is not null)
            {
                tags.Add("error.type", error);
            }
            ConferencesMetrics.StoreDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
