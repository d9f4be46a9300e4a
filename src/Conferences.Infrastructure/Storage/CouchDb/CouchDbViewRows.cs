namespace Conferences.Infrastructure.Storage.CouchDb;

// Rows whose key is not a string are left out, as the views' C# twins leave them.
internal static class CouchDbViewRows
{
    // Starts at the lowest string: CouchDB sorts null, booleans and numbers first, which must not use up the limit.
    public static ViewQuery StringRange(ViewQuery query) =>
        query.Descending ? query with { EndKey = query.EndKey ?? string.Empty } : query with { StartKey = query.StartKey ?? string.Empty };

    // Each key once, ascending, no limit: servers differ on a key's rows under descending, so Arrange orders them.
    public static ViewQuery DistinctKeys(ViewQuery query, IReadOnlyList<string> keys) =>
        query with { Keys = [.. keys.Distinct(StringComparer.Ordinal)], Limit = null, Descending = false };

    public static List<ViewRow> Parse(JsonObject answer)
    {
        var rows = new List<ViewRow>();
        if (answer["rows"] is not JsonArray array)
        {
            return rows;
        }
        foreach (var node in array)
        {
            if (node is JsonObject row
                && row["id"] is JsonValue id && id.TryGetValue<string>(out var docId)
                && row["key"] is JsonValue key && key.TryGetValue<string>(out var rowKey))
            {
                rows.Add(new ViewRow(docId, rowKey, Detach(row, "value"), Detach(row, "doc") as JsonObject));
            }
        }
        return rows;
    }

    private static JsonNode? Detach(JsonObject row, string name)
    {
        if (!row.TryGetPropertyValue(name, out var node))
        {
            return null;
        }
        row.Remove(name);
        return node;
    }

    // CouchDB's multi-key order: keys as given (repeats repeat), each key's rows by id in the query's direction, then
    // the limit.
    public static IReadOnlyList<ViewRow> Arrange(IReadOnlyList<ViewRow> rows, IReadOnlyList<string> keys, bool descending, int? limit)
    {
        var byKey = new Dictionary<string, List<ViewRow>>(StringComparer.Ordinal);
        foreach (var group in rows.GroupBy(row => row.Key, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(row => row.Id, StringComparer.Ordinal).ToList();
            if (descending)
            {
                ordered.Reverse();
            }
            byKey[group.Key] = ordered;
        }
        var arranged = new List<ViewRow>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!byKey.TryGetValue(key, out var matches))
            {
                continue;
            }
            var repeat = !used.Add(key);
            foreach (var row in matches)
            {
                if (arranged.Count == limit)
                {
                    return arranged;
                }
                arranged.Add(repeat ? row with { Value = row.Value?.DeepClone(), Document = (JsonObject?)row.Document?.DeepClone() } : row);
            }
        }
        return arranged;
    }
}
