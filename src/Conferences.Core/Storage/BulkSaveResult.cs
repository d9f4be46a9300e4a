namespace Conferences.Core.Storage;

/// <summary>
/// One document's outcome in <see cref="IDocumentStore.SaveManyAsync"/>, as a row of CouchDB's <c>_bulk_docs</c>
/// answer: the new revision, or a conflict that left this document alone and the others written.
/// </summary>
public sealed record BulkSaveResult(string Id, string? Revision)
{
    /// <summary>CouchDB's <c>_deleted</c> member: in a bulk write, a document with it set to true is removed.</summary>
    public const string DeletedMember = "_deleted";

    public bool Conflict => Revision is null;

    /// <summary>A removal for <see cref="IDocumentStore.SaveManyAsync"/>: the id, the revision removed, <c>_deleted</c>.</summary>
    public static JsonObject Removal(string id, string revision) => new()
    {
        [KazooFields.Id] = id,
        [KazooFields.Rev] = revision,
        [DeletedMember] = true,
    };
}
