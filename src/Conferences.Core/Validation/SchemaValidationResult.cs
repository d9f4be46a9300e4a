namespace Conferences.Core.Validation;

/// <summary>Validated data with defaults and coercions applied, and Kazoo's flat error map (empty when valid).</summary>
public sealed record SchemaValidationResult(JsonObject Document, JsonObject Errors)
{
    public bool IsValid => Errors.Count == 0;
}
