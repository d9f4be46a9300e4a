namespace Conferences.Core.Tests.Validation;

internal static class SchemaAssert
{
    public static KazooSchemaValidator Validator => KazooSchemaValidator.LoadEmbedded();

    public static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    public static SchemaValidationResult Validate(string schema, string json) => Validator.Validate(schema, Obj(json));

    public static void JsonEqual(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual),
            $"expected {JsonNode.Parse(expected)?.ToJsonString()} but got {actual?.ToJsonString() ?? "null"}");

    /// <summary>The whole error map equals <paramref name="expected"/>.</summary>
    public static void HasErrors(string expected, SchemaValidationResult result)
    {
        Assert.False(result.IsValid);
        JsonEqual(expected, result.Errors);
    }

    public static void Valid(SchemaValidationResult result) =>
        Assert.True(result.IsValid, $"unexpected errors {result.Errors.ToJsonString()}");
}
