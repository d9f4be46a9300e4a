using NJsonSchema;
using NJsonSchema.References;

namespace Conferences.Core.Validation;

// Resolves "$ref": "conferences.profile" against the embedded schemas, never files or the network.
internal sealed class EmbeddedSchemaResolver(JsonSchemaAppender appender, IReadOnlyDictionary<string, string> sources)
    : JsonReferenceResolver(appender)
{
    public const string BaseAddress = "http://schemas.conferences.invalid/";

    public static string AddressOf(string schemaName) => BaseAddress + schemaName + ".json";

    public static Func<JsonSchema, JsonReferenceResolver> Factory(IReadOnlyDictionary<string, string> sources) =>
        root => new EmbeddedSchemaResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()), sources);

    public override async Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default)
    {
        var name = SchemaNameOf(url);
        if (!url.StartsWith(BaseAddress, StringComparison.Ordinal) || !sources.TryGetValue(name, out var json))
        {
            throw new InvalidOperationException($"schema '{name}' referenced by '{url}' is not embedded");
        }
        return await JsonSchema.FromJsonAsync(json, AddressOf(name), Factory(sources), cancellationToken).ConfigureAwait(false);
    }

    public static string SchemaNameOf(string reference)
    {
        var name = reference[(reference.LastIndexOf('/') + 1)..];
        return name.EndsWith(".json", StringComparison.Ordinal) ? name[..^".json".Length] : name;
    }
}
