using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Storage.Sqlite;

// Key then id order, inclusive bounds, keys answered in the order given (docs/kazoo-storage.md, "Views").
internal static class SqliteViewReader
{
    public static async Task<IReadOnlyList<ViewRow>> QueryAsync(
        SqliteReadSession session, string db, ViewDefinition view, ViewQuery query, CancellationToken ct)
    {
        var command = session.Command(BuildSql(query))
            .Bind("$db", db)
            .Bind("$view", view.FullName)
            .Bind("$limit", query.Limit ?? -1);
        if (query.Keys is { } keys)
        {
            command.Bind("$keys", JsonSerializer.Serialize(keys));
        }
        else
        {
            var (low, high) = Bounds(query);
            if (low is not null)
            {
                command.Bind("$low", low);
            }
            if (high is not null)
            {
                command.Bind("$high", high);
            }
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<ViewRow>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new ViewRow(
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : JsonNode.Parse(reader.GetString(2)),
                reader.IsDBNull(3) ? null : StoredDocument.Parse(reader.GetString(3))));
        }
        return rows;
    }

    private static string BuildSql(ViewQuery query)
    {
        var direction = query.Descending ? "DESC" : "ASC";
        var document = query.IncludeDocs ? "d.body" : "NULL";
        var join = query.IncludeDocs ? "JOIN documents AS d ON d.db = r.db AND d.id = r.doc_id" : string.Empty;
        if (query.Keys is not null)
        {
            // CROSS JOIN keeps the requested keys as the outer loop, hence in the order they were given.
            return $"""
                SELECT r.doc_id, r.row_key, r.row_value, {document}
                FROM json_each($keys) AS k CROSS JOIN view_rows AS r {join}
                WHERE r.db = $db AND r.view_name = $view AND r.row_key = k.value
                ORDER BY k.key ASC, r.doc_id {direction}, r.seq {direction}
                LIMIT $limit;
                """;
        }
        var (low, high) = Bounds(query);
        var bounds = (low is null ? string.Empty : " AND r.row_key >= $low") + (high is null ? string.Empty : " AND r.row_key <= $high");
        return $"""
            SELECT r.doc_id, r.row_key, r.row_value, {document}
            FROM view_rows AS r {join}
            WHERE r.db = $db AND r.view_name = $view{bounds}
            ORDER BY r.row_key {direction}, r.doc_id {direction}, r.seq {direction}
            LIMIT $limit;
            """;
    }

    // couchDB: with descending the start key is the high end of the range
    private static (string? Low, string? High) Bounds(ViewQuery query) =>
        query.Descending ? (query.EndKey, query.StartKey) : (query.StartKey, query.EndKey);
}
