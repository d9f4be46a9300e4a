namespace Conferences.Core.Blackhole;

/// <summary>A client frame as <c>bh_context:from_json/2</c> reads it: empty strings count as absent
/// (docs/websocket.md).</summary>
public sealed record BlackholeFrame
{
    public required string Action { get; init; }

    public required string RequestId { get; init; }

    public string? AuthToken { get; init; }

    public JsonObject? Data { get; init; }

    public JsonNode? Name { get; init; }

    public JsonNode? Metadata { get; init; }

    /// <returns>the frame, or null when <paramref name="utf8"/> is not a JSON object (Kazoo's socket crashes there).</returns>
    public static BlackholeFrame? Parse(ReadOnlySpan<byte> utf8)
    {
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(utf8) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
        if (json is null)
        {
            return null;
        }
        return new BlackholeFrame
        {
            Action = NonEmptyString(json[BlackholeProtocol.ActionKey]) ?? BlackholeProtocol.Noop,
            RequestId = NonEmptyString(json[BlackholeProtocol.RequestIdKey]) ?? NewRequestId(),
            AuthToken = NonEmptyString(json[BlackholeProtocol.AuthTokenKey]),
            Data = json[BlackholeProtocol.DataKey] as JsonObject,
            Name = json[BlackholeProtocol.NameKey]?.DeepClone(),
            Metadata = json[BlackholeProtocol.MetadataKey]?.DeepClone(),
        };
    }

    public static string NewRequestId() => KazooIds.NewId();

    // kz_json:get_ne_binary_value/2: strings as they are, numbers in their text form, anything else absent.
    private static string? NonEmptyString(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>() is { Length: > 0 } s ? s : null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => null,
    };
}
