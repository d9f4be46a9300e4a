namespace Conferences.Infrastructure.Tests.Storage;

// the document store contract suites against the embedded SQLite store, one after another as when they were one class
[Collection("SQLite document store contract")]
public sealed class SqliteDatabasesContract(SqliteFileFixture file) : DatabasesContract(file), IClassFixture<SqliteFileFixture>;

[Collection("SQLite document store contract")]
public sealed class SqliteDocumentsContract(SqliteFileFixture file) : DocumentsContract(file), IClassFixture<SqliteFileFixture>;

[Collection("SQLite document store contract")]
public sealed class SqliteAttachmentsContract(SqliteFileFixture file) : AttachmentsContract(file), IClassFixture<SqliteFileFixture>;

[Collection("SQLite document store contract")]
public sealed class SqliteViewsContract(SqliteFileFixture file) : ViewsContract(file), IClassFixture<SqliteFileFixture>;

[Collection("SQLite document store contract")]
public sealed class SqliteKeyedViewsContract(SqliteFileFixture file) : KeyedViewsContract(file), IClassFixture<SqliteFileFixture>;

[Collection("SQLite document store contract")]
public sealed class SqliteConcurrencyContract(SqliteFileFixture file) : ConcurrencyContract(file), IClassFixture<SqliteFileFixture>;

[Collection("SQLite document store contract")]
public sealed class SqliteIdempotencyKeysContract(SqliteFileFixture file) : IdempotencyKeysContract(file), IClassFixture<SqliteFileFixture>
{
    protected override Task<Core.Idempotency.IIdempotencyStore> CreateKeyStoreAsync() => Task.FromResult<Core.Idempotency.IIdempotencyStore>(
        new Infrastructure.Storage.Sqlite.SqliteIdempotencyStore(Options.Create(new Infrastructure.Storage.Sqlite.SqliteStoreOptions { ConnectionString = file.ConnectionString })));
}

[Collection("SQLite document store contract")]
public sealed class SqliteWebhookViewsContract(SqliteFileFixture file) : WebhookViewsContract(file), IClassFixture<SqliteFileFixture>;

[Collection("SQLite document store contract")]
public sealed class SqliteBulkSaveContract(SqliteFileFixture file) : BulkSaveContract(file), IClassFixture<SqliteFileFixture>;
