using System.Text.Json.Nodes;

namespace Conferences.Core.Validation;

/// <summary>
/// Outcome of validating request data against one of Kazoo's schemas.
/// <see cref="Document"/> is a fixed-up copy of the input (schema defaults inserted, wrongly typed values coerced where
/// Kazoo would coerce them); <see cref="Errors"/> is Kazoo's flat error map
/// <c>{"dotted.path":{"rule":{"message":…,…}}}</c>, empty when the data is valid.
/// </summary>
public sealed record SchemaValidationResult(JsonObject Document, JsonObject Errors)
{
    public bool IsValid => Errors.Count == 0;
}
