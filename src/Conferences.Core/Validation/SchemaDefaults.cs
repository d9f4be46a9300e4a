using NJsonSchema;

namespace Conferences.Core.Validation;

// kz_json_schema's use_defaults and apply_defaults_to_empty_objects: absent typed properties get their default.
internal sealed class SchemaDefaults
{
    private const int MaxDepth = 64;

    private readonly Dictionary<JsonSchema, JsonNode> _defaults = new(ReferenceEqualityComparer.Instance);

    public SchemaDefaults(IEnumerable<JsonSchema> roots)
    {
        var seen = new HashSet<JsonSchema>(ReferenceEqualityComparer.Instance);
        foreach (var root in roots)
        {
            Index(root, seen);
        }
    }

    public void Apply(JsonSchema schema, JsonNode? node) => Apply(schema, node, 0);

    private void Apply(JsonSchema schema, JsonNode? node, int depth)
    {
        if (node is null || depth > MaxDepth)
        {
            return;
        }
        var actual = schema.ActualSchema;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, property) in actual.Properties)
                {
                    if (!obj.ContainsKey(name) && _defaults.TryGetValue(property, out var value))
                    {
                        obj[name] = value.DeepClone();
                    }
                    if (obj.TryGetPropertyValue(name, out var child))
                    {
                        Apply(property, child, depth + 1);
                    }
                }
                break;
            case JsonArray array when actual.Item is not null:
                foreach (var item in array)
                {
                    Apply(actual.Item, item, depth + 1);
                }
                break;
            case JsonArray array when actual.Items.Count > 0:
                for (var i = 0; i < array.Count && i < actual.Items.Count; i++)
                {
                    Apply(actual.Items.ElementAt(i), array[i], depth + 1);
                }
                break;
        }

        foreach (var part in actual.AllOf)
        {
            Apply(part, node, depth + 1);
        }
        ApplyFittingBranch(actual.OneOf, node, depth);
        ApplyFittingBranch(actual.AnyOf, node, depth);
    }

    // a oneOf/anyOf branch contributes defaults only when it is the one branch the value's type fits
    private void ApplyFittingBranch(ICollection<JsonSchema> branches, JsonNode node, int depth)
    {
        if (branches.Count == 0)
        {
            return;
        }
        var fitting = branches.Where(b => JsonTypes.Accepts(b.ActualSchema.Type, node)).Take(2).ToList();
        if (fitting.Count == 1)
        {
            Apply(fitting[0], node, depth + 1);
        }
    }

    private void Index(JsonSchema? schema, HashSet<JsonSchema> seen)
    {
        if (schema is null || !seen.Add(schema))
        {
            return;
        }
        if (schema.Default is not null && schema.Type != JsonObjectType.None)
        {
            var value = NewtonsoftBridge.ToNode(schema.Default);
            if (value is not null && JsonTypes.Accepts(schema.Type, value))
            {
                _defaults[schema] = value;
            }
        }

        Index(schema.Reference, seen);
        foreach (var property in schema.Properties.Values)
        {
            Index(property, seen);
        }
        Index(schema.Item, seen);
        foreach (var item in schema.Items)
        {
            Index(item, seen);
        }
        foreach (var part in schema.AllOf.Concat(schema.OneOf).Concat(schema.AnyOf))
        {
            Index(part, seen);
        }
        Index(schema.Not, seen);
        Index(schema.AdditionalPropertiesSchema, seen);
    }
}
