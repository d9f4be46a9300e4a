using NJsonSchema;
using NJsonSchema.Validation;

namespace Conferences.Core.Validation;

/// <summary>
/// One violation as Kazoo reports it: <paramref name="Path"/> is the error's key (ending with the property's name
/// for a missing or forbidden property).
/// </summary>
internal sealed record SchemaFailure(DataPath Path, ValidationErrorKind Kind, JsonSchema Schema);
