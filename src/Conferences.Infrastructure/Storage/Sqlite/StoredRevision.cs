namespace Conferences.Infrastructure.Storage.Sqlite;

/// <summary>The head revision of a document id; <see cref="Deleted"/> marks a hard-delete tombstone.</summary>
internal readonly record struct StoredRevision(string Revision, bool Deleted);
