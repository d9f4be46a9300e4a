namespace Conferences.Core.Actions;

/// <summary>Action data read as <c>kz_json:get_ne_binary_value/2</c> reads it
/// (<c>cb_conferences:data_required/2</c>).</summary>
public static class ActionData
{
    /// <summary>400 <c>data.required</c> when absent; a non-object is 400 <c>data.type</c> where Kazoo crashes
    /// (D9).</summary>
    public static JsonObject Required(JsonNode? data, string action) => data switch
    {
        null => throw KazooErrors.Validation("data", "required", $"action '{action}' requires a data object"),
        JsonObject found => found,
        var other => throw NotAnObject("data", other),
    };

    /// <summary><c>kz_json:get_ne_binary_value/2</c>: a non-empty string or a number's JSON text; anything else is
    /// missing.</summary>
    public static string? NonEmptyString(JsonObject data, string key)
    {
        ArgumentNullException.ThrowIfNull(data);
        return NonEmpty(data[key]);
    }

    public static string? NonEmpty(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String when value.GetValue<string>() is { Length: > 0 } text => text,
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;

    public static CrossbarException NotAnObject(string key, JsonNode? value) =>
        KazooErrors.Validation(key, "type", "Value did not match type(s): object",
            new JsonObject { ["target"] = "object", ["value"] = value?.DeepClone() });
}
