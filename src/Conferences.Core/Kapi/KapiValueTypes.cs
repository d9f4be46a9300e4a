namespace Conferences.Core.Kapi;

public static class KapiValueTypes
{
    public static bool Matches(KapiValueType type, JsonNode? value) => type switch
    {
        KapiValueType.String => IsString(value),
        KapiValueType.Integer => TryGetInteger(value, allowNumericString: false, out _),
        KapiValueType.Boolean => value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        KapiValueType.Object => value is JsonObject,
        KapiValueType.Array => value is JsonArray,
        KapiValueType.StringArray => value is JsonArray items && items.All(IsString),
        KapiValueType.NonEmptyObjectArray => value is JsonArray { Count: > 0 } objects && objects.All(o => o is JsonObject),
        KapiValueType.IntegerOrNumericString => TryGetInteger(value, allowNumericString: true, out _),
        _ => false,
    };

    public static string Describe(KapiValueType type) => type switch
    {
        KapiValueType.String => "a string",
        KapiValueType.Integer => "an integer",
        KapiValueType.Boolean => "a boolean",
        KapiValueType.Object => "an object",
        KapiValueType.Array => "an array",
        KapiValueType.StringArray => "an array of strings",
        KapiValueType.NonEmptyObjectArray => "a non-empty array of objects",
        KapiValueType.IntegerOrNumericString => "an integer or a numeric string",
        _ => type.ToString(),
    };

    /// <summary>With <paramref name="allowNumericString"/> <c>"7"</c> counts, as consumers must read
    /// <c>Participant-ID</c>.</summary>
    public static bool TryGetInteger(JsonNode? value, bool allowNumericString, out long result)
    {
        result = 0;
        if (value is not JsonValue scalar)
        {
            return false;
        }
        var kind = scalar.GetValueKind();
        if (kind == JsonValueKind.Number)
        {
            return long.TryParse(scalar.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);
        }
        return allowNumericString
            && kind == JsonValueKind.String
            && IsNumericString(scalar.GetValue<string>())
            && long.TryParse(scalar.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);
    }

    private static bool IsString(JsonNode? value) => value is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    private static bool IsNumericString(string text)
    {
        var digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
    }
}
