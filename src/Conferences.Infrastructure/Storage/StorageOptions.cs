namespace Conferences.Infrastructure.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    public const string Sqlite = "sqlite";

    public const string CouchDb = "couchdb";

    /// <summary><c>sqlite</c> (embedded, default) or <c>couchdb</c>.</summary>
    public string Provider { get; set; } = Sqlite;
}
