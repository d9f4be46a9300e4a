using System.Net;

namespace Conferences.Infrastructure.Storage.CouchDb;

/// <summary>One answer as a value, failures included; <see cref="CouchDbFailures"/> decides which become
/// exceptions.</summary>
public sealed record CouchResult(HttpStatusCode Status, JsonNode? Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public bool IsNotFound => Status == HttpStatusCode.NotFound;

    public bool IsConflict => Status == HttpStatusCode.Conflict;

    public bool IsPreconditionFailed => Status == HttpStatusCode.PreconditionFailed;

    public string? Error => Member("error");

    public string? Reason => Member("reason");

    public JsonObject Object => Body as JsonObject ?? [];

    public string? Revision => Member("rev");

    public override string ToString() => $"{(int)Status} {Error} {Reason}".TrimEnd();

    private string? Member(string name) =>
        Body is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
