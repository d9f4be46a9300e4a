namespace Conferences.Core.Idempotency;

/// <summary>The first answer given under a key, as replayed: status, the headers that describe it, the body's bytes.</summary>
public sealed record IdempotentAnswer(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public JsonObject ToJson() => new()
    {
        ["status"] = Status,
        ["headers"] = new JsonObject([.. Headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))]),
        ["body"] = Convert.ToBase64String(Body),
    };

    public static IdempotentAnswer FromJson(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var headers = (json["headers"] as JsonObject ?? []).ToDictionary(h => h.Key, h => h.Value!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
        return new(json["status"]!.GetValue<int>(), headers, Convert.FromBase64String(json["body"]!.GetValue<string>()));
    }
}
