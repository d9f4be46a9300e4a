using System.Text.Json;
using System.Text.Json.Nodes;
using Conferences.Core.Crossbar;
using Conferences.Core.Errors;

namespace Conferences.Core.Actions;

/// <summary>
/// What an action reads from the request (kazoo-reference §1.7, §1.9): its name and its data object D, found with
/// crossbar's lookups, and the values inside D as Kazoo's <c>kz_json:get_ne_binary_value/2</c> reads them.
/// </summary>
public static class ActionData
{
    /// <summary>
    /// D: the request value <c>data</c> — <c>data.data</c>, then the query string, then the envelope's <c>data</c>.
    /// Absent → 400 <c>data.required</c> "action '…' requires a data object"; present but not an object (Kazoo
    /// crashes, profile D9) → 400 <c>data.type</c>.
    /// </summary>
    public static JsonObject Required(CrossbarContext context, string action)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestValue("data") switch
        {
            null => throw KazooErrors.Validation("data", "required", $"action '{action}' requires a data object"),
            JsonObject data => data,
            var other => throw NotAnObject("data", other),
        };
    }

    /// <summary>
    /// <c>kz_json:get_ne_binary_value/2</c>: a non-empty string, or a number as its JSON text; anything else (absent,
    /// null, empty, an object, an array, a boolean) counts as missing.
    /// </summary>
    public static string? NonEmptyString(JsonObject data, string key)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data[key] is not JsonValue value)
        {
            return null;
        }
        return value.GetValueKind() switch
        {
            JsonValueKind.String when value.GetValue<string>() is { Length: > 0 } text => text,
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        };
    }

    /// <summary>The action of a participants PUT: the request value <c>action</c> (<c>data.action</c> → query → envelope, §1.9); only a string names one.</summary>
    public static string? ParticipantsAction(CrossbarContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestValue("action") is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
    }

    /// <summary>400 <c>{key: {"type": {"message": "Value did not match type(s): object", …}}}</c>.</summary>
    public static CrossbarException NotAnObject(string key, JsonNode? value) =>
        KazooErrors.Validation(key, "type", "Value did not match type(s): object",
            new JsonObject { ["target"] = "object", ["value"] = value?.DeepClone() });
}
