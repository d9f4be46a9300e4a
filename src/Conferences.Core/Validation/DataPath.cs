using Newtonsoft.Json.Linq;

namespace Conferences.Core.Validation;

// Object keys and array indices, outermost first.
internal sealed class DataPath
{
    private readonly object[] _segments;

    private DataPath(object[] segments) => _segments = segments;

    public static DataPath Root { get; } = new([]);

    public IReadOnlyList<object> Segments => _segments;

    public bool IsRoot => _segments.Length == 0;

    public object Last => _segments[^1];

    public DataPath Parent => new(_segments[..^1]);

    public DataPath Append(object segment) => new([.. _segments, segment]);

    public static DataPath Of(JToken token)
    {
        var reversed = new List<object>();
        JToken? current = token;
        while (current is not null)
        {
            if (current is JProperty own)
            {
                reversed.Add(own.Name);
                current = own.Parent;
                continue;
            }
            switch (current.Parent)
            {
                case JProperty property:
                    reversed.Add(property.Name);
                    current = property.Parent;
                    break;
                case JArray array:
                    reversed.Add(array.IndexOf(current));
                    current = array;
                    break;
                default:
                    current = null;
                    break;
            }
        }
        reversed.Reverse();
        return new([.. reversed]);
    }

    // kz_json_schema:build_validate_error/4: dotted, dots inside a key as %2E.
    public string ToKazooKey()
    {
        var builder = new StringBuilder();
        foreach (var segment in _segments)
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }
            builder.Append(segment switch
            {
                int index => index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                string key => key.Replace(".", "%2E", StringComparison.Ordinal),
                _ => segment.ToString(),
            });
        }
        return builder.ToString();
    }

    public JsonNode? Get(JsonNode root)
    {
        JsonNode? current = root;
        foreach (var segment in _segments)
        {
            current = (current, segment) switch
            {
                (JsonObject obj, string key) => obj.TryGetPropertyValue(key, out var child) ? child : null,
                (JsonArray arr, int index) when index >= 0 && index < arr.Count => arr[index],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }
        return current;
    }

    public bool Set(JsonNode root, JsonNode? value)
    {
        if (IsRoot)
        {
            return false;
        }
        switch (Parent.Get(root), Last)
        {
            case (JsonObject obj, string key):
                obj[key] = value;
                return true;
            case (JsonArray arr, int index) when index >= 0 && index < arr.Count:
                arr[index] = value;
                return true;
            default:
                return false;
        }
    }

    public override string ToString() => ToKazooKey();
}
