namespace Conferences.Core.Crossbar;

/// <summary>
/// What crossbar knows about one request once the envelope is parsed and the caller is authenticated:
/// the target account, the authenticated account, the envelope and the query string.
/// </summary>
public sealed class CrossbarContext
{
    public required string RequestId { get; init; }

    /// <summary>The account named in the path.</summary>
    public required string AccountId { get; init; }

    /// <summary>The account the token belongs to (null only for unauthenticated calls such as api_auth).</summary>
    public string? AuthAccountId { get; init; }

    /// <summary>The user a <c>user_auth</c> token was issued to (its <c>owner_id</c>); null for account tokens.</summary>
    public string? AuthUserId { get; init; }

    /// <summary>The envelope's <c>data</c> (an object or array; <c>{}</c> for an empty body).</summary>
    public JsonNode Data { get; init; } = new JsonObject();

    /// <summary>The whole envelope as sent: its keys are case-sensitive JSON keys (only <c>data</c> holds the data).</summary>
    public JsonObject Envelope { get; init; } = new();

    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();

    /// <summary>The request's If-Match / If-None-Match, and the rules that apply them.</summary>
    public Preconditions Preconditions { get; init; } = Preconditions.None;

    public JsonObject DataObject => Data as JsonObject ?? new JsonObject();

    /// <summary>
    /// Crossbar's generic lookup ("req_value"): <c>data.key</c>, then the query string, then the envelope
    /// (<c>cb_context:req_value/2</c>).
    /// </summary>
    public JsonNode? RequestValue(string key) => RequestValues.Find(Data, Query, Envelope, key);

    public string? RequestString(string key) => RequestValue(key) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => other.ToJsonString(),
    };
}
