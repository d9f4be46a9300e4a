namespace Conferences.Infrastructure.Storage.CouchDb;

/// <summary>A repeated document write after a lost answer would be a false 409, so only reads are repeatable.</summary>
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
