using NJsonSchema;
using NJsonSchema.Validation;

namespace Conferences.Core.Validation;

// kz_json_schema:error_to_jobj/2, merged into one flat map keyed by dotted path.
internal static class KazooErrorFormatter
{
    public static JsonObject Format(IEnumerable<SchemaFailure> failures, JsonObject document)
    {
        var errors = new JsonObject();
        foreach (var failure in failures)
        {
            var (rule, detail) = Describe(failure, document);
            var key = failure.Path.ToKazooKey();
            if (errors[key] is not JsonObject rules)
            {
                rules = new JsonObject();
                errors[key] = rules;
            }
            rules[rule] = detail;
        }
        return errors;
    }

    private static (string Rule, JsonObject Detail) Describe(SchemaFailure failure, JsonObject document)
    {
        var schema = failure.Schema;
        JsonNode? Value() => failure.Path.Get(document)?.DeepClone();

        switch (failure.Kind)
        {
            case var kind when FailureCollector.IsTypeKind(kind):
                var types = JsonTypes.Describe(schema.Type);
                return ("type", Detail($"Value did not match type(s): {types}", ("target", types), ("value", Value())));
            case ValidationErrorKind.PropertyRequired:
                return ("required", Detail("Field is required but missing", ("value", JsonValue.Create(failure.Path.Last.ToString()))));
            case ValidationErrorKind.StringTooShort:
                return ("minLength", Detail($"String must be at least {schema.MinLength} characters",
                    ("target", schema.MinLength), ("cause", Value()), ("value", Value())));
            case ValidationErrorKind.StringTooLong:
                return ("maxLength", Detail($"String must not be more than {schema.MaxLength} characters",
                    ("target", schema.MaxLength), ("cause", Value()), ("value", Value())));
            case ValidationErrorKind.NumberTooSmall:
                var minimum = schema.Minimum ?? schema.ExclusiveMinimum;
                return ("minimum", Detail($"Value must be at least {Number(minimum)}", ("target", minimum), ("value", Value())));
            case ValidationErrorKind.NumberTooBig:
                var maximum = schema.Maximum ?? schema.ExclusiveMaximum;
                return ("maximum", Detail($"Value must be at most {Number(maximum)}", ("target", maximum), ("value", Value())));
            case ValidationErrorKind.TooFewItems:
                return ("minItems", Detail($"The list must have at least {schema.MinItems} items", ("target", schema.MinItems), ("value", Value())));
            case ValidationErrorKind.TooManyItems:
                return ("maxItems", Detail($"The list is more than {schema.MaxItems} items", ("target", schema.MaxItems), ("value", Value())));
            case ValidationErrorKind.ItemsNotUnique:
                return ("uniqueItems", Detail("List of items is not unique", ("value", Value())));
            case ValidationErrorKind.PatternMismatch:
                return ("pattern", Detail($"Failed to match pattern '{schema.Pattern}'", ("target", schema.Pattern), ("value", Value())));
            case ValidationErrorKind.NotInEnumeration:
                var allowed = new JsonArray([.. schema.Enumeration.Select(NewtonsoftBridge.ToNode)]);
                return ("enum", Detail("Value not found in enumerated list of values", ("target", allowed), ("value", Value())));
            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
                // jesse reports the object holding the extra property as the value
                var holder = failure.Path.Parent.Get(document)?.DeepClone();
                return ("additionalProperties", Detail("Strict checking of data is enabled; only include schema-defined properties", ("value", holder)));
            case ValidationErrorKind.TooManyItemsInTuple:
                return ("additionalItems", Detail("Strict checking of data is enabled; only include schema-defined items", ("value", Value())));
            case ValidationErrorKind.TooFewProperties:
                return ("minProperties", Detail($"The object must have at least {schema.MinProperties} keys", ("target", schema.MinProperties), ("value", Value())));
            case var kind when IsFormatKind(kind):
                return ("wrong_format", Detail("Field is not in the correct format", ("value", Value()), ("format", schema.Format)));
            default:
                return (JesseName(failure.Kind), Detail("failed to validate", ("value", Value())));
        }
    }

    private static JsonObject Detail(string message, params (string Name, object? Value)[] fields)
    {
        var detail = new JsonObject { ["message"] = message };
        foreach (var (name, value) in fields)
        {
            detail[name] = value switch
            {
                null => null,
                JsonNode node => node,
                string text => JsonValue.Create(text),
                int number => JsonValue.Create(number),
                decimal number => JsonNode.Parse(Number(number)),
                _ => JsonValue.Create(value.ToString()),
            };
        }
        return detail;
    }

    private static string Number(decimal? value) =>
        value is { } number ? number.ToString(CultureInfo.InvariantCulture) : "undefined";

    private static bool IsFormatKind(ValidationErrorKind kind) => kind is ValidationErrorKind.DateTimeExpected
        or ValidationErrorKind.DateExpected
        or ValidationErrorKind.TimeExpected
        or ValidationErrorKind.TimeSpanExpected
        or ValidationErrorKind.UriExpected
        or ValidationErrorKind.IpV4Expected
        or ValidationErrorKind.IpV6Expected
        or ValidationErrorKind.GuidExpected
        or ValidationErrorKind.UuidExpected
        or ValidationErrorKind.EmailExpected
        or ValidationErrorKind.HostnameExpected
        or ValidationErrorKind.Base64Expected;

    // the name jesse gives a violation Kazoo has no dedicated message for (used as the rule name)
    private static string JesseName(ValidationErrorKind kind) => kind switch
    {
        ValidationErrorKind.NotOneOf => "not_one_schema_valid",
        ValidationErrorKind.NotAnyOf => "any_schemas_not_valid",
        ValidationErrorKind.NotAllOf => "all_schemas_not_valid",
        ValidationErrorKind.ExcludedSchemaValidates => "not_schema_valid",
        ValidationErrorKind.NumberNotMultipleOf or ValidationErrorKind.IntegerNotMultipleOf => "not_multiple_of",
        ValidationErrorKind.TooManyProperties => "too_many_properties",
        _ => SnakeCase(kind.ToString()),
    };

    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('_');
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
