namespace Conferences.Core.Storage;

// JavaScript semantics the C# twins of Kazoo's view maps need, so both emit the same rows.
internal static class ViewMaps
{
    // JavaScript's falsy values among JSON ones: absent, null, false, 0 and ""
    public static bool IsFalsy(JsonNode? node) => node switch
    {
        null => true,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.Null or JsonValueKind.False => true,
            JsonValueKind.String => v.GetValue<string>().Length == 0,
            JsonValueKind.Number => v.TryGetValue<double>(out var d) && d == 0,
            _ => false,
        },
        _ => false,
    };

    // an emitted object leaves out members whose source is undefined
    public static void CopyIfPresent(JsonObject from, string field, JsonObject to, string key)
    {
        if (from.TryGetPropertyValue(field, out var node))
        {
            to[key] = node?.DeepClone();
        }
    }
}
