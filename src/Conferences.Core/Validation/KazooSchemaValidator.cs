using NJsonSchema;

namespace Conferences.Core.Validation;

/// <summary><c>cb_context:validate_request_data/2</c> in non-strict mode: defaults, Kazoo's coercions, its flat error
/// map.</summary>
public sealed class KazooSchemaValidator
{
    // every repair fixes at least one value for good, so this bound is never reached by real data
    private const int MaxRepairRounds = 16;

    private static readonly Lazy<KazooSchemaValidator> Embedded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly IReadOnlyDictionary<string, JsonSchema> _schemas;
    private readonly SchemaDefaults _defaults;
    private readonly JesseCompatibleValidator _validator = new();

    private KazooSchemaValidator(IReadOnlyDictionary<string, JsonSchema> schemas)
    {
        _schemas = schemas;
        _defaults = new SchemaDefaults(schemas.Values);
    }

    public IReadOnlyCollection<string> SchemaNames => [.. _schemas.Keys];

    public static KazooSchemaValidator LoadEmbedded() => Embedded.Value;

    /// <exception cref="ArgumentException">No schema has that name.</exception>
    public SchemaValidationResult Validate(string schemaName, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(schemaName);
        ArgumentNullException.ThrowIfNull(data);
        if (!_schemas.TryGetValue(schemaName, out var schema))
        {
            throw new ArgumentException($"unknown schema '{schemaName}'", nameof(schemaName));
        }

        var document = (JsonObject)data.DeepClone();
        List<SchemaFailure> failures;
        var round = 0;
        while (true)
        {
            _defaults.Apply(schema, document);
            failures = FailureCollector.Collect(_validator.Validate(NewtonsoftBridge.ToToken(document), schema));
            if (failures.Count == 0 || ++round > MaxRepairRounds || !JsTypeFixer.TryFix(document, failures))
            {
                break;
            }
        }
        return new SchemaValidationResult(document, KazooErrorFormatter.Format(failures, document));
    }

    private static KazooSchemaValidator Load()
    {
        var sources = EmbeddedSchemas.Read();
        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var (name, json) in sources)
        {
            schemas[name] = JsonSchema
                .FromJsonAsync(json, EmbeddedSchemaResolver.AddressOf(name), EmbeddedSchemaResolver.Factory(sources))
                .GetAwaiter()
                .GetResult();
        }
        return new KazooSchemaValidator(schemas);
    }
}
