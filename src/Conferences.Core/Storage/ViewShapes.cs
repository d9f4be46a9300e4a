namespace Conferences.Core.Storage;

// The view shapes several designs share, each written once as its JavaScript map and the C# twin of it.
internal static class ViewShapes
{
    /// <summary><c>crossbar_listing</c>: key = doc id, value = the list item's <paramref name="fields"/> (and
    /// <c>flags</c>, default [], when <paramref name="withFlags"/>).</summary>
    public static ViewDefinition Listing(string design, string type, string[] fields, bool withFlags)
    {
        var quoted = string.Join(", ", fields.Select(f => $"'{f}'"));
        var flags = withFlags ? "\n  item.flags = doc.flags || [];" : string.Empty;
        return new(
            design,
            "crossbar_listing",
            $$"""
            function(doc) {
              if (doc.pvt_type !== '{{type}}' || doc.pvt_deleted) { return; }
              var item = { id: doc._id };
              [{{quoted}}].forEach(function(field) {
                if (doc[field] !== undefined) { item[field] = doc[field]; }
              });{{flags}}
              emit(doc._id, item);
            }
            """,
            doc => ListingRow(doc, type, fields, withFlags));
    }

    /// <summary>Key = the string <paramref name="field"/> of a live document of <paramref name="type"/>, value null.</summary>
    public static ViewDefinition ByString(string design, string name, string type, string field) => new(
        design,
        name,
        $$"""
        function(doc) {
          if (doc.pvt_type !== '{{type}}' || doc.pvt_deleted || typeof doc.{{field}} !== 'string') { return; }
          emit(doc.{{field}}, null);
        }
        """,
        doc => KazooFields.IsLive(doc, type) && KazooJson.GetString(doc, field) is { } key ? [new(key, null)] : []);

    /// <summary>Key = <c>{first}:{second}</c>, two string fields of a document of <paramref name="type"/>, value null.</summary>
    public static ViewDefinition ByPair(string design, string name, string type, string first, string second) => new(
        design,
        name,
        $$"""
        function(doc) {
          if (doc.pvt_type !== '{{type}}' || typeof doc.{{first}} !== 'string' || typeof doc.{{second}} !== 'string') { return; }
          emit(doc.{{first}} + ':' + doc.{{second}}, null);
        }
        """,
        doc => KazooJson.GetString(doc, KazooFields.Type) == type
            && KazooJson.GetString(doc, first) is { } a && KazooJson.GetString(doc, second) is { } b
            ? [new($"{a}:{b}", null)]
            : []);

    private static IEnumerable<KeyValuePair<string, JsonNode?>> ListingRow(JsonObject doc, string type, string[] fields, bool withFlags)
    {
        if (!KazooFields.IsLive(doc, type))
        {
            yield break;
        }
        var id = KazooJson.GetString(doc, KazooFields.Id) ?? string.Empty;
        var item = new JsonObject { ["id"] = id };
        foreach (var field in fields)
        {
            ViewMaps.CopyIfPresent(doc, field, item, field);
        }
        if (withFlags)
        {
            item["flags"] = doc["flags"]?.DeepClone() ?? new JsonArray();
        }
        yield return new(id, item);
    }
}
