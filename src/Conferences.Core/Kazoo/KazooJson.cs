namespace Conferences.Core.Kazoo;

public static class KazooJson
{
    public static readonly JsonSerializerOptions WireOptions = new() { WriteIndented = false };

    /// <summary><c>kz_json:normalize/1</c>: keys lower-cased, <c>-</c> → <c>_</c>, recursively, nulls
    /// dropped.</summary>
    public static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject obj => NormalizeObject(obj),
        JsonArray arr => new JsonArray([.. arr.Select(Normalize)]),
        null => null,
        _ => node.DeepClone(),
    };

    public static JsonObject NormalizeObject(JsonObject obj)
    {
        var result = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (value is null)
            {
                continue;
            }
            result[NormalizeKey(key)] = Normalize(value);
        }
        return result;
    }

    public static string NormalizeKey(string key) => key.ToLowerInvariant().Replace('-', '_');

    /// <summary>Reads the value at a dotted path such as <c>member.numbers</c>; array indices are allowed as segments.</summary>
    public static JsonNode? GetPath(JsonNode? node, string dottedPath) => GetPath(node, dottedPath.Split('.'));

    public static JsonNode? GetPath(JsonNode? node, IReadOnlyList<string> segments)
    {
        var current = node;
        foreach (var segment in segments)
        {
            current = current switch
            {
                JsonObject obj => obj.TryGetPropertyValue(segment, out var child) ? child : null,
                JsonArray arr when int.TryParse(segment, out var index) && index >= 0 && index < arr.Count => arr[index],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }
        return current;
    }

    public static bool HasPath(JsonNode? node, string dottedPath)
    {
        var segments = dottedPath.Split('.');
        var parent = segments.Length == 1 ? node : GetPath(node, segments[..^1]);
        return parent switch
        {
            JsonObject obj => obj.ContainsKey(segments[^1]),
            JsonArray arr => int.TryParse(segments[^1], out var i) && i >= 0 && i < arr.Count,
            _ => false,
        };
    }

    /// <summary>Kazoo's stringification of a value for comparisons (filters): strings raw, everything else as JSON.</summary>
    public static string Stringify(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(WireOptions),
    };

    public static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonObject o => o.Count == 0,
        JsonArray a => a.Count == 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Length == 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => true,
        _ => false,
    };

    public static string? GetString(JsonObject obj, string key) =>
        obj.TryGetPropertyValue(key, out var v) && v is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;

    public static bool GetBool(JsonObject obj, string key) =>
        obj.TryGetPropertyValue(key, out var v) && v is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    public static long? GetLong(JsonObject obj, string key) =>
        obj.TryGetPropertyValue(key, out var v) && v is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && value.TryGetValue<long>(out var l) ? l : null;

    public static byte[] ToUtf8(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(WireOptions));
}
