namespace Conferences.Core.Realtime;

// Scalars read as kapi consumers must (integers or numeric strings, booleans or their strings).
internal static class LiveJson
{
    public static bool TryGetBool(JsonNode? node, out bool value)
    {
        value = false;
        if (node is not JsonValue scalar)
        {
            return false;
        }
        switch (scalar.GetValueKind())
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                return true;
            case JsonValueKind.String:
                return bool.TryParse(scalar.GetValue<string>(), out value);
            default:
                return false;
        }
    }

    public static long? GetLong(JsonNode? node)
    {
        if (node is not JsonValue scalar)
        {
            return null;
        }
        return scalar.GetValueKind() switch
        {
            JsonValueKind.Number when scalar.TryGetValue<long>(out var whole) => whole,
            // a value built in code (not parsed) only converts to its own CLR type
            JsonValueKind.Number when scalar.TryGetValue<int>(out var small) => small,
            JsonValueKind.Number when double.TryParse(scalar.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
                && real is >= long.MinValue and <= long.MaxValue => (long)real,
            JsonValueKind.String when long.TryParse(scalar.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    public static string? GetString(JsonObject obj, string key) =>
        obj.TryGetPropertyValue(key, out var node) && node is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String
            && scalar.GetValue<string>() is { Length: > 0 } text ? text : null;
}
