namespace Conferences.Infrastructure.Tests.Storage.CouchDb;

// the document store contract suites against a CouchDB-protocol server
[Collection(CouchDbCollection.Name)]
public sealed class CouchDbDatabasesContract(CouchDbServerFixture server) : DatabasesContract(server);

[Collection(CouchDbCollection.Name)]
public sealed class CouchDbDocumentsContract(CouchDbServerFixture server) : DocumentsContract(server);

[Collection(CouchDbCollection.Name)]
public sealed class CouchDbAttachmentsContract(CouchDbServerFixture server) : AttachmentsContract(server);

[Collection(CouchDbCollection.Name)]
public sealed class CouchDbViewsContract(CouchDbServerFixture server) : ViewsContract(server);

[Collection(CouchDbCollection.Name)]
public sealed class CouchDbKeyedViewsContract(CouchDbServerFixture server) : KeyedViewsContract(server);

[Collection(CouchDbCollection.Name)]
public sealed class CouchDbConcurrencyContract(CouchDbServerFixture server) : ConcurrencyContract(server);

[Collection(CouchDbCollection.Name)]
public sealed class CouchDbIdempotencyKeysContract(CouchDbServerFixture server) : IdempotencyKeysContract(server)
{
    protected override async Task<Core.Idempotency.IIdempotencyStore> CreateKeyStoreAsync() => new Core.Idempotency.DocumentIdempotencyStore(await server.CreateStoreAsync());
}

[Collection(CouchDbCollection.Name)]
public sealed class CouchDbWebhookViewsContract(CouchDbServerFixture server) : WebhookViewsContract(server);

[Collection(CouchDbCollection.Name)]
public sealed class CouchDbBulkSaveContract(CouchDbServerFixture server) : BulkSaveContract(server);
