namespace Conferences.Core.Actions;

/// <summary>
/// The data object D of an action and the values inside it, read as Kazoo's <c>kz_json:get_ne_binary_value/2</c>
/// reads them (<c>cb_conferences:data_required/2</c>).
/// </summary>
public static class ActionData
{
    /// <summary>
    /// D must be present (400 <c>data.required</c> "action '…' requires a data object") and an object: Kazoo
    /// crashes on anything else, this service answers 400 <c>data.type</c> (docs/compatibility.md D9).
    /// </summary>
    public static JsonObject Required(JsonNode? data, string action) => data switch
    {
        null => throw KazooErrors.Validation("data", "required", $"action '{action}' requires a data object"),
        JsonObject found => found,
        var other => throw NotAnObject("data", other),
    };

    /// <summary>
    /// <c>kz_json:get_ne_binary_value/2</c>: a non-empty string, or a number as its JSON text; anything else (absent,
    /// null, empty, an object, an array, a boolean) counts as missing.
    /// </summary>
    public static string? NonEmptyString(JsonObject data, string key)
    {
        ArgumentNullException.ThrowIfNull(data);
        return NonEmpty(data[key]);
    }

    /// <summary><see cref="NonEmptyString"/> of a value already read.</summary>
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
