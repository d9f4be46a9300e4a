using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Conferences.Core.Validation;

// Where NJsonSchema disagrees with jesse: lengths in code points, uniqueItems over typed values (["1", 1] is unique).
internal sealed class JesseCompatibleValidator : JsonSchemaValidator
{
    public JesseCompatibleValidator()
        : base(new JsonSchemaValidatorSettings())
    {
    }

    protected override ICollection<ValidationError> Validate(
        JToken token, JsonSchema schema, SchemaType schemaType, string? propertyName, string propertyPath)
    {
        var errors = base.Validate(token, schema, schemaType, propertyName, propertyPath);
        if (token.Type == JTokenType.String && (schema.MinLength is not null || schema.MaxLength is not null))
        {
            return RecountLength(errors, token, schema, propertyName, propertyPath);
        }
        if (token is JArray array && schema.UniqueItems)
        {
            return RecheckUniqueness(errors, array, schema, propertyName, propertyPath);
        }
        return errors;
    }

    private static List<ValidationError> RecountLength(
        ICollection<ValidationError> errors, JToken token, JsonSchema schema, string? propertyName, string propertyPath)
    {
        var result = Without(errors, token, schema, ValidationErrorKind.StringTooShort, ValidationErrorKind.StringTooLong);
        var length = (token.Value<string>() ?? string.Empty).EnumerateRunes().Count();
        if (length < schema.MinLength)
        {
            result.Add(new ValidationError(ValidationErrorKind.StringTooShort, propertyName, propertyPath, token, schema));
        }
        if (length > schema.MaxLength)
        {
            result.Add(new ValidationError(ValidationErrorKind.StringTooLong, propertyName, propertyPath, token, schema));
        }
        return result;
    }

    private static List<ValidationError> RecheckUniqueness(
        ICollection<ValidationError> errors, JArray array, JsonSchema schema, string? propertyName, string propertyPath)
    {
        var result = Without(errors, array, schema, ValidationErrorKind.ItemsNotUnique);
        // one pass with a set: comparing every pair made a body of a few thousand numbers cost seconds (a request
        // could occupy the server for minutes within the 8 MB limit)
        var seen = new HashSet<JToken>(SameTypeAndValue.Instance);
        foreach (var item in array)
        {
            if (!seen.Add(item))
            {
                result.Add(new ValidationError(ValidationErrorKind.ItemsNotUnique, propertyName, propertyPath, array, schema));
                return result;
            }
        }
        return result;
    }

    // jesse's equality for uniqueItems: the same JSON type and the same value
    private sealed class SameTypeAndValue : IEqualityComparer<JToken>
    {
        public static readonly SameTypeAndValue Instance = new();

        private static readonly JTokenEqualityComparer Values = new();

        public bool Equals(JToken? x, JToken? y) => x is not null && y is not null && x.Type == y.Type && Values.Equals(x, y);

        public int GetHashCode(JToken obj) => HashCode.Combine(obj.Type, Values.GetHashCode(obj));
    }

    private static List<ValidationError> Without(
        ICollection<ValidationError> errors, JToken token, JsonSchema schema, params ValidationErrorKind[] kinds) =>
        errors.Where(e => !(kinds.Contains(e.Kind) && ReferenceEquals(e.Token, token) && ReferenceEquals(e.Schema, schema))).ToList();
}
