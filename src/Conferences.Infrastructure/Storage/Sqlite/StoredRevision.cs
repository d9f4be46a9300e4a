namespace Conferences.Infrastructure.Storage.Sqlite;

// the head revision of a document id; Deleted marks a hard-delete tombstone
internal readonly record struct StoredRevision(string Revision, bool Deleted);
