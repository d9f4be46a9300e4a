using NJsonSchema;
using NJsonSchema.Validation;

namespace Conferences.Core.Validation;

// kz_json_schema:fix_js_types/2: a value failing a single integer, number or boolean type is converted when Kazoo
// would.
internal static class JsTypeFixer
{
    public static bool TryFix(JsonObject document, IEnumerable<SchemaFailure> failures)
    {
        var fixedAny = false;
        foreach (var failure in failures)
        {
            Func<JsonNode?, JsonNode?>? convert = (failure.Kind, failure.Schema.Type) switch
            {
                (ValidationErrorKind.IntegerExpected, JsonObjectType.Integer) => ErlangTerms.ToInteger,
                (ValidationErrorKind.NumberExpected, JsonObjectType.Number) => ErlangTerms.ToNumber,
                (ValidationErrorKind.BooleanExpected, JsonObjectType.Boolean) => ErlangTerms.ToBoolean,
                _ => null,
            };
            if (convert is null || failure.Path.IsRoot)
            {
                continue;
            }
            var replacement = convert(failure.Path.Get(document));
            if (replacement is not null && failure.Path.Set(document, replacement))
            {
                fixedAny = true;
            }
        }
        return fixedAny;
    }
}
