namespace Conferences.Core.Crossbar;

/// <summary>What crossbar knows about an authenticated request (<c>cb_context</c>).</summary>
public sealed class CrossbarContext
{
    public required string RequestId { get; init; }

    public required string AccountId { get; init; }

    /// <summary>The account the token belongs to (null only for unauthenticated calls such as api_auth).</summary>
    public string? AuthAccountId { get; init; }

    /// <summary>The user a <c>user_auth</c> token was issued to (its <c>owner_id</c>); null for account tokens.</summary>
    public string? AuthUserId { get; init; }

    public JsonNode Data { get; init; } = new JsonObject();

    /// <summary>The whole envelope as sent: its keys are case-sensitive JSON keys (only <c>data</c> holds the data).</summary>
    public JsonObject Envelope { get; init; } = new();

    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();

    public Preconditions Preconditions { get; init; } = Preconditions.None;

    public JsonObject DataObject => Data as JsonObject ?? new JsonObject();

    /// <summary><c>cb_context:req_value/2</c>: <c>data.key</c>, then the query string, then the envelope.</summary>
    public JsonNode? RequestValue(string key) => RequestValues.Find(Data, Query, Envelope, key);

    public string? RequestString(string key) => RequestValue(key) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => other.ToJsonString(),
    };
}
