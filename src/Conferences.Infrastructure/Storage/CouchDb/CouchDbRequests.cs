namespace Conferences.Infrastructure.Storage.CouchDb;

/// <summary>
/// Which CouchDB requests may be repeated. GET and HEAD are safe; a view query with <c>keys</c> is a POST that only
/// reads, and <c>PUT /{db}</c> is idempotent (a repeat answers 412, which the store reads as "exists"), so both are
/// marked here. Document writes and deletes are never marked: a repeat after a lost answer would be a false 409.
/// </summary>
public static class CouchDbRequests
{
    public static readonly HttpRequestOptionsKey<bool> Repeatable = new("Conferences.CouchDb.Repeatable");

    public static void MarkRepeatable(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(Repeatable, true);
    }

    public static bool IsRepeatable(HttpRequestMessage? request) =>
        request is not null
        && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head
            || (request.Options.TryGetValue(Repeatable, out var marked) && marked));
}
