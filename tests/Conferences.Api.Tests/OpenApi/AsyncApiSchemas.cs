using NJsonSchema;

namespace Conferences.Api.Tests.OpenApi;

/// <summary>
/// The payload schemas of the served AsyncAPI document, to check real frames and deliveries against: the document's
/// <c>components.schemas</c> become the <c>definitions</c> of one JSON Schema per message.
/// </summary>
public sealed class AsyncApiSchemas(JsonObject document)
{
    private readonly Dictionary<string, JsonSchema> schemas = [];

    /// <summary>What <paramref name="instance"/> breaks of the component schema <paramref name="name"/>, one line each.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(string name, JsonNode instance)
    {
        if (!schemas.TryGetValue(name, out var schema))
        {
            Assert.True(document["components"]!["schemas"]![name] is not null, $"the document has no schema {name}");
            var definitions = document["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal);
            schema = schemas[name] = await JsonSchema.FromJsonAsync($$"""{"$ref":"#/definitions/{{name}}","definitions":{{definitions}}}""");
        }
        return [.. schema.Validate(instance.ToJsonString()).Select(e => $"{e.Path}: {e.Kind}")];
    }

    /// <summary>Fails with the problems when <paramref name="instance"/> does not match <paramref name="name"/>.</summary>
    public async Task AssertMatchesAsync(string name, JsonNode instance)
    {
        var problems = await ProblemsAsync(name, instance);
        Assert.True(problems.Count == 0, $"{instance.ToJsonString()}\ndoes not match {name}:\n  {string.Join("\n  ", problems)}");
    }

    /// <summary>The schema a websocket frame from the service is documented by.</summary>
    public static string ForFrame(JsonObject frame) => ((string?)frame["action"], (string?)frame["name"]) switch
    {
        ("reply", _) => "ReplyFrame",
        ("snapshot", _) => "SnapshotFrame",
        ("event", "command") => "CommandFrame",
        ("event", _) => "EventFrame",
        var other => throw new Xunit.Sdk.XunitException($"an undocumented frame {other}: {frame.ToJsonString()}"),
    };
}
