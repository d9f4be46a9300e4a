using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Conferences.Core.Validation;

/// <summary>
/// NJsonSchema's validator corrected where it disagrees with jesse (the validator behind Kazoo):
/// string lengths are counted in characters (Unicode code points) instead of UTF-16 units, and
/// <c>uniqueItems</c> compares items as JSON values of the same type instead of by their text
/// (so <c>["1", 1]</c> is unique). Stateless, safe to share between threads.
/// </summary>
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
        for (var i = 0; i < array.Count; i++)
        {
            for (var j = i + 1; j < array.Count; j++)
            {
                if (array[i].Type == array[j].Type && JToken.DeepEquals(array[i], array[j]))
                {
                    result.Add(new ValidationError(ValidationErrorKind.ItemsNotUnique, propertyName, propertyPath, array, schema));
                    return result;
                }
            }
        }
        return result;
    }

    private static List<ValidationError> Without(
        ICollection<ValidationError> errors, JToken token, JsonSchema schema, params ValidationErrorKind[] kinds) =>
        errors.Where(e => !(kinds.Contains(e.Kind) && ReferenceEquals(e.Token, token) && ReferenceEquals(e.Schema, schema))).ToList();
}
