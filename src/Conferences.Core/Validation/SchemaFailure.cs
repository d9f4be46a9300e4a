using NJsonSchema;
using NJsonSchema.Validation;

namespace Conferences.Core.Validation;

/// <summary>
/// One violation, already reduced to what Kazoo reports: <paramref name="Path"/> is the key of the error (for a
/// missing required property it ends with that property's name; for a forbidden extra property with its name),
/// <paramref name="Kind"/> the NJsonSchema finding and <paramref name="Schema"/> the schema holding the violated keyword.
/// </summary>
internal sealed record SchemaFailure(DataPath Path, ValidationErrorKind Kind, JsonSchema Schema);
