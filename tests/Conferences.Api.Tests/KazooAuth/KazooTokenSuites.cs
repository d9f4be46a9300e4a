namespace Conferences.Api.Tests.KazooAuth;

// the Kazoo token contract over the embedded store and over CouchDB
public sealed class KazooTokenEmbeddedStoreTests(KazooEmbeddedApiFactory api)
    : KazooTokenContract<KazooEmbeddedApiFactory>(api), IClassFixture<KazooEmbeddedApiFactory>;

public sealed class KazooTokenCouchDbTests(KazooCouchDbApiFactory api)
    : KazooTokenContract<KazooCouchDbApiFactory>(api), IClassFixture<KazooCouchDbApiFactory>;
