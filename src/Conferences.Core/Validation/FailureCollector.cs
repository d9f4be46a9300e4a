using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;

namespace Conferences.Core.Validation;

// NJsonSchema's error tree flattened as jesse reports it; a failed oneOf/anyOf reports the branch whose type fits.
internal static class FailureCollector
{
    public static List<SchemaFailure> Collect(ICollection<ValidationError> errors)
    {
        var failures = new List<SchemaFailure>();
        Collect(errors, failures);
        return failures;
    }

    private static void Collect(ICollection<ValidationError> errors, List<SchemaFailure> failures)
    {
        foreach (var error in errors)
        {
            switch (error)
            {
                case ChildSchemaValidationError { Kind: ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf } combinator:
                    CollectCombinator(combinator, errors, failures);
                    break;
                case ChildSchemaValidationError child:
                    foreach (var nested in child.Errors.Values)
                    {
                        Collect(nested, failures);
                    }
                    break;
                default:
                    CollectSingle(error, failures);
                    break;
            }
        }
    }

    private static void CollectSingle(ValidationError error, List<SchemaFailure> failures)
    {
        if (error.Token is null)
        {
            return;
        }
        switch (error.Kind)
        {
            // NJsonSchema also reports required properties of values that are not objects; jesse does not
            case ValidationErrorKind.PropertyRequired when error.Token is not JObject:
                return;
            case ValidationErrorKind.PropertyRequired:
                failures.Add(new(DataPath.Of(error.Token).Append(error.Property ?? string.Empty), error.Kind, error.Schema));
                return;
            default:
                failures.Add(new(DataPath.Of(error.Token), error.Kind, error.Schema));
                return;
        }
    }

    private static void CollectCombinator(ChildSchemaValidationError combinator, ICollection<ValidationError> siblings, List<SchemaFailure> failures)
    {
        var branches = combinator.Errors.Values.ToList();
        if (branches.TrueForAll(b => b.Count > 0))
        {
            var fitting = branches.Where(b => !b.Any(e => IsTypeError(e) && ReferenceEquals(e.Token, combinator.Token))).ToList();
            if (fitting.Count == 1)
            {
                Collect(fitting[0], failures);
                return;
            }
            if (siblings.Any(e => IsTypeError(e) && ReferenceEquals(e.Token, combinator.Token)))
            {
                return;
            }
        }
        failures.Add(new(DataPath.Of(combinator.Token!), combinator.Kind, combinator.Schema));
    }

    public static bool IsTypeError(ValidationError error) => IsTypeKind(error.Kind);

    public static bool IsTypeKind(ValidationErrorKind kind) => kind is ValidationErrorKind.StringExpected
        or ValidationErrorKind.NumberExpected
        or ValidationErrorKind.IntegerExpected
        or ValidationErrorKind.BooleanExpected
        or ValidationErrorKind.ObjectExpected
        or ValidationErrorKind.ArrayExpected
        or ValidationErrorKind.NullExpected
        or ValidationErrorKind.NoTypeValidates;
}
