using NJsonSchema;

namespace Conferences.Core.Validation;

internal static class JsonTypes
{
    private static readonly (JsonObjectType Flag, string Name)[] Names =
    [
        (JsonObjectType.Array, "array"),
        (JsonObjectType.Boolean, "boolean"),
        (JsonObjectType.Integer, "integer"),
        (JsonObjectType.Null, "null"),
        (JsonObjectType.Number, "number"),
        (JsonObjectType.Object, "object"),
        (JsonObjectType.String, "string"),
    ];

    // Joined like Kazoo joins a type list.
    public static string Describe(JsonObjectType type)
    {
        var names = Names.Where(n => type.HasFlag(n.Flag)).Select(n => n.Name).ToList();
        return names.Count == 0 ? "type schema" : string.Join(", ", names);
    }

    public static bool Accepts(JsonObjectType type, JsonNode? node)
    {
        if (type == JsonObjectType.None)
        {
            return true;
        }
        return node switch
        {
            null => type.HasFlag(JsonObjectType.Null),
            JsonObject => type.HasFlag(JsonObjectType.Object),
            JsonArray => type.HasFlag(JsonObjectType.Array),
            JsonValue value => value.GetValueKind() switch
            {
                JsonValueKind.String => type.HasFlag(JsonObjectType.String),
                JsonValueKind.True or JsonValueKind.False => type.HasFlag(JsonObjectType.Boolean),
                JsonValueKind.Number => type.HasFlag(JsonObjectType.Number)
                    || (type.HasFlag(JsonObjectType.Integer) && IsIntegerLiteral(value)),
                JsonValueKind.Null => type.HasFlag(JsonObjectType.Null),
                _ => false,
            },
            _ => false,
        };
    }

    // Written without fraction or exponent: what Erlang decodes as an integer.
    public static bool IsIntegerLiteral(JsonValue value)
    {
        var text = value.ToJsonString();
        return text.AsSpan().IndexOfAny('.', 'e', 'E') < 0;
    }
}
