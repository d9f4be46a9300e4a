using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Storage.Sqlite;

// A bulk write in the caller's one transaction: each document passes or fails CouchDB's revision check on its own.
internal static class SqliteBulkWriter
{
    public static async Task<IReadOnlyList<BulkSaveResult>> SaveAsync(
        SqliteConnection connection, SqliteTransaction transaction, string db, IReadOnlyList<BulkDocument> documents, CancellationToken ct)
    {
        var results = new List<BulkSaveResult>(documents.Count);
        foreach (var document in documents)
        {
            try
            {
                if (document.Removal)
                {
                    await SqliteDocumentWriter.DeleteAsync(connection, transaction, db, document.Id, document.Revision!, ct);
                    results.Add(new BulkSaveResult(document.Id, CouchRevision.Deleted(document.Revision!)));
                }
                else
                {
                    results.Add(new BulkSaveResult(document.Id, await SqliteDocumentWriter.SaveAsync(connection, transaction, db, document.Body, ct)));
                }
            }
            catch (DocumentConflictException)
            {
                results.Add(new BulkSaveResult(document.Id, null));
            }
        }
        return results;
    }
}
