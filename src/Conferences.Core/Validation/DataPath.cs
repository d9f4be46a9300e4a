using Newtonsoft.Json.Linq;

namespace Conferences.Core.Validation;

/// <summary>
/// Location of a value inside a JSON document: object keys (<see cref="string"/>) and 0-based array indices
/// (<see cref="int"/>), outermost first.
/// </summary>
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

    /// <summary>Where <paramref name="token"/> sits inside the document it was parsed from.</summary>
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

    /// <summary>
    /// Kazoo's error key: segments joined with <c>.</c>, indices as decimal numbers, literal dots inside a key
    /// written as <c>%2E</c> (<c>kz_json_schema:build_validate_error/4</c>).
    /// </summary>
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

    /// <summary>The node at this path, or <c>null</c> when absent (or a JSON null).</summary>
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

    /// <summary>Replaces the value at this path; returns false when the parent does not exist.</summary>
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
