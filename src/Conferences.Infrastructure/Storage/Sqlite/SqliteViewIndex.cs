using System.Text.Encodings.Web;
using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Storage.Sqlite;

// Inside the write's transaction, so views never lag (CouchDB's default update=true).
internal static class SqliteViewIndex
{
    private const string DeleteDocumentRowsSql = "DELETE FROM view_rows WHERE db = $db AND doc_id = $id;";
    private const string DeleteDatabaseRowsSql = "DELETE FROM view_rows WHERE db = $db;";
    private const string InsertRowSql = """
        INSERT INTO view_rows (db, view_name, row_key, doc_id, seq, row_value) VALUES ($db, $view, $key, $id, $seq, $value);
        """;

    private static readonly JsonSerializerOptions ValueOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task IndexAsync(
        SqliteConnection connection, SqliteTransaction transaction, string db, string id, JsonObject? document, CancellationToken ct)
    {
        await using (var delete = connection.Command(transaction, DeleteDocumentRowsSql).With("$db", db).With("$id", id))
        {
            await delete.ExecuteNonQueryAsync(ct);
        }
        if (document is not null)
        {
            await InsertRowsAsync(connection, transaction, db, [(id, document)], ct);
        }
    }

    // As CouchDB rebuilds an index when its design document changes.
    public static async Task RebuildAsync(SqliteConnection connection, SqliteTransaction transaction, string db, CancellationToken ct)
    {
        await using (var delete = connection.Command(transaction, DeleteDatabaseRowsSql).With("$db", db))
        {
            await delete.ExecuteNonQueryAsync(ct);
        }
        var documents = await SqliteDocumentTable.ReadLiveDocumentsAsync(connection, transaction, db, ct);
        await InsertRowsAsync(connection, transaction, db, documents.Select(d => (d.Id, StoredDocument.Parse(d.Body))), ct);
    }

    public static IReadOnlyList<ViewDefinition> ViewsOf(string db) => [.. KazooViews.For(db).SelectMany(design => design.Views)];

    private static async Task InsertRowsAsync(
        SqliteConnection connection, SqliteTransaction transaction, string db, IEnumerable<(string Id, JsonObject Document)> documents, CancellationToken ct)
    {
        var views = ViewsOf(db);
        if (views.Count == 0)
        {
            return;
        }
        // One prepared statement re-executed for every emitted row.
        await using var insert = connection.Command(transaction, InsertRowSql);
        insert.Parameters.AddWithValue("$db", db);
        var view = insert.Parameters.Add("$view", SqliteType.Text);
        var key = insert.Parameters.Add("$key", SqliteType.Text);
        var docId = insert.Parameters.Add("$id", SqliteType.Text);
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var value = insert.Parameters.Add("$value", SqliteType.Text);
        foreach (var (id, document) in documents)
        {
            if (StoredDocument.IsDesign(id))
            {
                continue;
            }
            docId.Value = id;
            foreach (var definition in views)
            {
                view.Value = definition.FullName;
                var emitted = 0;
                foreach (var (rowKey, rowValue) in definition.Map(document))
                {
                    key.Value = rowKey;
                    seq.Value = emitted++;
                    value.Value = rowValue is null ? DBNull.Value : rowValue.ToJsonString(ValueOptions);
                    await insert.ExecuteNonQueryAsync(ct);
                }
            }
        }
    }
}
