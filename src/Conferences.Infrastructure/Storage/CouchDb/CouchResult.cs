using System.Net;

namespace Conferences.Infrastructure.Storage.CouchDb;

/// <summary>
/// One CouchDB answer as a value, failures included (CouchDB's <c>error</c>/<c>reason</c>);
/// <see cref="CouchDbFailures"/> decides which become exceptions.
/// </summary>
public sealed record CouchResult(HttpStatusCode Status, JsonNode? Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public bool IsNotFound => Status == HttpStatusCode.NotFound;

    public bool IsConflict => Status == HttpStatusCode.Conflict;

    /// <summary>412: the database already exists (PUT /db) or a precondition failed.</summary>
    public bool IsPreconditionFailed => Status == HttpStatusCode.PreconditionFailed;

    public string? Error => Member("error");

    public string? Reason => Member("reason");

    /// <summary>The body as an object (a document, a view result, <c>{"ok":true,…}</c>); empty when it is not one.</summary>
    public JsonObject Object => Body as JsonObject ?? [];

    /// <summary>The <c>rev</c> of a write answer (<c>{"ok":true,"id":…,"rev":…}</c>).</summary>
    public string? Revision => Member("rev");

    public override string ToString() => $"{(int)Status} {Error} {Reason}".TrimEnd();

    private string? Member(string name) =>
        Body is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
