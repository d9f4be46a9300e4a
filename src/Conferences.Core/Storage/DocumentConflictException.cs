namespace Conferences.Core.Storage;

/// <summary>The store refused a write because of the revision (CouchDB's 409): Kazoo answers 409 <c>datastore_conflict</c>.</summary>
public sealed class DocumentConflictException(string database, string id)
    : Exception($"document {id} in {database} has another revision")
{
    public string Database { get; } = database;

    public string Id { get; } = id;
}
