using System.Numerics;

namespace Conferences.Core.Validation;

// kz_term:to_integer/1, to_number/1 and to_boolean/1, as Kazoo repairs request values; null where they fail.
internal static class ErlangTerms
{
    // Floats are rounded half away from zero.
    public static JsonNode? ToInteger(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }
        switch (value.GetValueKind())
        {
            case JsonValueKind.Number:
                return FromDouble(double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture));
            case JsonValueKind.String:
                var text = value.GetValue<string>();
                if (IsIntegerSyntax(text))
                {
                    return Integer(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
                }
                return IsFloatSyntax(text) ? FromDouble(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)) : null;
            default:
                return null;
        }
    }

    public static JsonNode? ToNumber(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }
        var text = value.GetValue<string>();
        if (IsIntegerSyntax(text))
        {
            return Integer(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }
        if (!IsFloatSyntax(text))
        {
            return null;
        }
        var number = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(number) ? JsonValue.Create(number) : null;
    }

    public static JsonNode? ToBoolean(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>() switch
            {
                "true" => JsonValue.Create(true),
                "false" => JsonValue.Create(false),
                _ => null,
            }
            : null;

    private static JsonNode? FromDouble(double number) =>
        double.IsFinite(number) ? Integer(new BigInteger(Math.Round(number, MidpointRounding.AwayFromZero))) : null;

    // parsed rather than JsonValue.Create so integers of any size keep their exact digits
    private static JsonNode? Integer(BigInteger number) =>
        JsonNode.Parse(number.ToString(CultureInfo.InvariantCulture));

    // binary_to_integer: optional sign, then digits
    private static bool IsIntegerSyntax(string text)
    {
        var digits = text.AsSpan();
        if (digits.Length > 0 && (digits[0] == '+' || digits[0] == '-'))
        {
            digits = digits[1..];
        }
        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    // binary_to_float: optional sign, digits '.' digits, optional exponent
    private static bool IsFloatSyntax(string text)
    {
        var rest = text.AsSpan();
        if (rest.Length > 0 && (rest[0] == '+' || rest[0] == '-'))
        {
            rest = rest[1..];
        }
        var dot = rest.IndexOf('.');
        if (dot <= 0 || rest[..dot].ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }
        rest = rest[(dot + 1)..];
        var exponent = rest.IndexOfAny('e', 'E');
        var fraction = exponent < 0 ? rest : rest[..exponent];
        if (fraction.Length == 0 || fraction.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }
        if (exponent < 0)
        {
            return true;
        }
        var power = rest[(exponent + 1)..];
        if (power.Length > 0 && (power[0] == '+' || power[0] == '-'))
        {
            power = power[1..];
        }
        return power.Length > 0 && !power.ContainsAnyExceptInRange('0', '9');
    }
}
