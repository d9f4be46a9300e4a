using System.Text.Encodings.Web;

namespace Conferences.Infrastructure.Storage.CouchDb;

/// <summary>One typed <see cref="HttpClient"/> (ADR 0003): 404/409/412 come back as values; only an unreachable server
/// throws.</summary>
public sealed class CouchDbClient
{
    private static readonly JsonSerializerOptions BodyOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly HttpClient http;

    public CouchDbClient(HttpClient http, IOptions<CouchDbOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.http = http;
        Server = CouchDbServer.Parse(options.Value.ConnectionString);
    }

    public CouchDbServer Server { get; }

    public Task<CouchResult> ServerInfoAsync(CancellationToken ct) => SendAsync(HttpMethod.Get, string.Empty, null, false, ct);

    public Task<CouchResult> UpAsync(CancellationToken ct) => SendAsync(HttpMethod.Get, "_up", null, false, ct);

    public Task<CouchResult> DatabaseExistsAsync(string database, CancellationToken ct) =>
        SendAsync(HttpMethod.Head, CouchDbPaths.Database(database), null, false, ct);

    public Task<CouchResult> CreateDatabaseAsync(string database, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, CouchDbPaths.Database(database), null, true, ct);

    public Task<CouchResult> GetDocumentAsync(string database, string id, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, CouchDbPaths.Document(database, id), null, false, ct);

    /// <summary><c>GET /{db}/{id}?attachments=true</c>: the document with each attachment's bytes inline (base64 <c>data</c>).</summary>
    public Task<CouchResult> GetDocumentWithAttachmentsAsync(string database, string id, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"{CouchDbPaths.Document(database, id)}?attachments=true", null, false, ct);

    public Task<CouchResult> PutDocumentAsync(string database, string id, JsonObject document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        return SendAsync(HttpMethod.Put, CouchDbPaths.Document(database, id), document.ToJsonString(BodyOptions), false, ct);
    }

    /// <summary><c>POST /{db}/_bulk_docs</c>: a write, so never repeated after a lost answer.</summary>
    public Task<CouchResult> BulkDocsAsync(string database, JsonArray documents, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"{CouchDbPaths.Database(database)}/_bulk_docs",
            new JsonObject { ["docs"] = documents }.ToJsonString(BodyOptions), false, ct);

    public Task<CouchResult> DeleteDocumentAsync(string database, string id, string revision, CancellationToken ct) =>
        SendAsync(HttpMethod.Delete, $"{CouchDbPaths.Document(database, id)}?rev={Uri.EscapeDataString(revision)}", null, false, ct);

    /// <summary>With <see cref="ViewQuery.Keys"/> a POST that only reads, so it is retried like a GET.</summary>
    public Task<CouchResult> QueryViewAsync(string database, string design, string view, ViewQuery query, CancellationToken ct) =>
        QueryAsync(CouchDbPaths.View(database, design, view), query, ct);

    /// <summary><c>/{db}/_all_docs</c> with the same parameters as a view (keys are document ids).</summary>
    public Task<CouchResult> AllDocsAsync(string database, ViewQuery query, CancellationToken ct) =>
        QueryAsync(CouchDbPaths.AllDocs(database), query, ct);

    private Task<CouchResult> QueryAsync(string path, ViewQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var target = path + CouchDbPaths.ViewQueryString(query);
        return query.Keys is { } keys
            ? SendAsync(HttpMethod.Post, target, CouchDbPaths.Keys(keys), true, ct)
            : SendAsync(HttpMethod.Get, target, null, false, ct);
    }

    private async Task<CouchResult> SendAsync(HttpMethod method, string pathAndQuery, string? body, bool repeatable, CancellationToken ct)
    {
        using var request = Server.Request(method, pathAndQuery);
        if (body is not null)
        {
            // CouchDB-protocol servers (pouchdb-server among them) read a write's body only as application/json.
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        if (repeatable)
        {
            CouchDbRequests.MarkRepeatable(request);
        }
        try
        {
            // ResponseContentRead: the body is read under HttpClient.Timeout too, so a server stalling mid-body cannot hang a call.
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            var json = await ReadJsonAsync(response, ct).ConfigureAwait(false);
            return new CouchResult(response.StatusCode, json);
        }
        catch (Exception exception) when (CouchDbFailures.IsTransport(exception, ct))
        {
            throw CouchDbFailures.Unreachable(Server.Display, $"{method} /{CouchDbPaths.WithoutQuery(pathAndQuery)}", exception);
        }
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength == 0)
        {
            return null;
        }
        try
        {
            // The content is buffered already (ResponseContentRead): parse it without another copy.
            var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonNode.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's error page): the status alone speaks.
            return null;
        }
    }
}
