using NJsonSchema;
using NJsonSchema.Validation;

namespace Conferences.Core.Validation;

// Path is Kazoo's error key (ending with the property's name for a missing or forbidden one).
internal sealed record SchemaFailure(DataPath Path, ValidationErrorKind Kind, JsonSchema Schema);
