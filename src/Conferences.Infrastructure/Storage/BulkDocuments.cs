namespace Conferences.Infrastructure.Storage;

/// <summary>
/// The documents of a bulk write as both adapters read them: the same refusals as a single save, checked for every
/// document before anything is written; <c>_deleted: true</c> marks a removal, which must name the revision it removes.
/// </summary>
internal static class BulkDocuments
{
    public static IReadOnlyList<BulkDocument> Read(IReadOnlyList<JsonObject> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var read = new List<BulkDocument>(documents.Count);
        foreach (var document in documents)
        {
            ArgumentNullException.ThrowIfNull(document);
            var body = document;
            var removal = false;
            if (document.ContainsKey(BulkSaveResult.DeletedMember))
            {
                removal = document[BulkSaveResult.DeletedMember] is JsonValue flag && flag.TryGetValue<bool>(out var on)
                    ? on
                    : throw new ArgumentException("_deleted must be true or false", nameof(documents));
                body = (JsonObject)document.DeepClone();
                body.Remove(BulkSaveResult.DeletedMember);
            }
            var (id, revision) = StoredDocument.ReadIdentity(body);
            if (removal && revision is null)
            {
                throw new ArgumentException($"removing {id} needs its _rev", nameof(documents));
            }
            read.Add(new BulkDocument(id, revision, removal, body));
        }
        return read;
    }
}

/// <summary>One checked document of a bulk write; <see cref="Body"/> is without <c>_deleted</c>.</summary>
internal sealed record BulkDocument(string Id, string? Revision, bool Removal, JsonObject Body);
