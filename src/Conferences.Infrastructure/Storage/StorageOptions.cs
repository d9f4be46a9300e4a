namespace Conferences.Infrastructure.Storage;

/// <summary>The <c>Storage</c> configuration section (docs/operations.md).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public const string Sqlite = "sqlite";

    public const string CouchDb = "couchdb";

    /// <summary><c>sqlite</c> (embedded, default) or <c>couchdb</c>.</summary>
    public string Provider { get; set; } = Sqlite;
}
