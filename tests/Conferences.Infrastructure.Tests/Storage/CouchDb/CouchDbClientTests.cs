namespace Conferences.Infrastructure.Tests.Storage.CouchDb;

/// <summary>The typed CouchDB client: Kazoo's database names on the wire, answers as values, credentials, retries.</summary>
[Collection(CouchDbCollection.Name)]
public sealed class CouchDbClientTests(CouchDbServerFixture server)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Account_database_travels_with_its_slashes_encoded_once()
    {
        var accountId = KazooIds.NewId();
        var encoded = AccountDatabase.Encoded(accountId);
        var store = server.Stores.Store(server.Url);

        await store.EnsureDatabaseAsync(encoded, Ct);
        var id = KazooIds.NewId();
        await store.SaveAsync(encoded, new JsonObject { ["_id"] = id, ["pvt_type"] = "conference" }, Ct);

        // Kazoo's own request for the same database and document, written out by hand.
        var path = $"account%2F{accountId[..2]}%2F{accountId[2..4]}%2F{accountId[4..]}";
        Assert.Equal(path, CouchDbPaths.Database(encoded));
        Assert.Equal(id, (await server.Raw.GetObjectAsync($"{path}/{id}"))["_id"]!.GetValue<string>());
        // Neither double-encoded nor split at the slashes.
        Assert.Equal(HttpStatusCode.NotFound, (await server.Raw.GetAsync($"account%252F{accountId[..2]}%252F{accountId[2..4]}%252F{accountId[4..]}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Raw.GetAsync($"account/{accountId[..2]}/{accountId[2..4]}/{accountId[4..]}")).Status);
    }

    [Fact]
    public void Database_names_decode_kazoos_encoded_form_and_re_encode_it_for_the_path()
    {
        var accountId = KazooIds.NewId();

        Assert.Equal(AccountDatabase.Raw(accountId), CouchDbPaths.DatabaseName(AccountDatabase.Encoded(accountId)));
        Assert.Equal(AccountDatabase.Encoded(accountId), CouchDbPaths.Database(AccountDatabase.Encoded(accountId)));
        Assert.Equal(AccountDatabase.Encoded(accountId), CouchDbPaths.Database(AccountDatabase.Raw(accountId)));
        Assert.Equal("accounts", CouchDbPaths.Database(AccountDatabase.Accounts));
        Assert.Equal($"{AccountDatabase.Encoded(accountId)}/_design/conferences", CouchDbPaths.Document(AccountDatabase.Encoded(accountId), "_design/conferences"));
        Assert.Equal("accounts/a%2Fb%20c", CouchDbPaths.Document("accounts", "a/b c"));
        Assert.Equal("?startkey=%22a%22&endkey=%22b%22&limit=3&descending=true&include_docs=true",
            CouchDbPaths.ViewQueryString(new ViewQuery { StartKey = "a", EndKey = "b", Limit = 3, Descending = true, IncludeDocs = true }));
    }

    [Fact]
    public async Task Not_found_conflict_and_existing_database_come_back_as_values()
    {
        var client = server.Stores.Client(server.Url);
        var db = AccountDatabase.Encoded(KazooIds.NewId());
        var id = KazooIds.NewId();

        var missingDb = await client.GetDocumentAsync(db, id, Ct);
        var created = await client.CreateDatabaseAsync(db, Ct);
        var again = await client.CreateDatabaseAsync(db, Ct);
        var first = await client.PutDocumentAsync(db, id, new JsonObject { ["_id"] = id }, Ct);
        var second = await client.PutDocumentAsync(db, id, new JsonObject { ["_id"] = id }, Ct);
        var missingDoc = await client.GetDocumentAsync(db, KazooIds.NewId(), Ct);
        var missingView = await client.QueryViewAsync(db, "conferences", "crossbar_listing", new ViewQuery(), Ct);

        Assert.True(missingDb.IsNotFound);
        Assert.Equal("not_found", missingDb.Error);
        Assert.True(created.IsSuccess, created.ToString());
        Assert.True(again.IsPreconditionFailed, again.ToString());
        Assert.Equal("file_exists", again.Error);
        Assert.Matches("^1-[0-9a-f]{32}$", first.Revision);
        Assert.True(second.IsConflict, second.ToString());
        Assert.Equal("conflict", second.Error);
        Assert.True(missingDoc.IsNotFound);
        Assert.True(missingView.IsNotFound);
    }

    [Fact]
    public async Task All_docs_and_views_answer_multi_key_queries_sent_as_a_post_body()
    {
        var client = server.Stores.Client(server.Url);
        var db = AccountDatabase.Encoded(KazooIds.NewId());
        await client.CreateDatabaseAsync(db, Ct);
        var ids = Enumerable.Range(0, 3).Select(_ => KazooIds.NewId()).Order(StringComparer.Ordinal).ToList();
        foreach (var id in ids)
        {
            await client.PutDocumentAsync(db, id, new JsonObject { ["_id"] = id, ["n"] = id[..4] }, Ct);
        }

        var all = await client.AllDocsAsync(db, new ViewQuery { Keys = [ids[2], ids[0]], IncludeDocs = true }, Ct);
        var range = await client.AllDocsAsync(db, new ViewQuery { StartKey = ids[1], Limit = 5 }, Ct);

        var rows = all.Object["rows"]!.AsArray();
        Assert.Equal([ids[2], ids[0]], rows.Select(row => row!["id"]!.GetValue<string>()));
        Assert.Equal(ids[2][..4], rows[0]!["doc"]!["n"]!.GetValue<string>());
        Assert.Equal(ids[1..], range.Object["rows"]!.AsArray().Select(row => row!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Reads_and_view_queries_are_retried_but_writes_and_deletes_are_sent_once()
    {
        var handler = new RecordingHandler(_ => throw new HttpRequestException("connection refused"));
        // A breaker that stays closed, so every call shows its own attempts.
        var client = ClientOver("http://127.0.0.1:5984", handler, new Dictionary<string, string?> { ["CouchDb:MinimumThroughput"] = "10000" });
        var db = AccountDatabase.Encoded(KazooIds.NewId());
        var document = new JsonObject { ["_id"] = "d" };

        async Task<int> AttemptsAsync(Func<Task> call)
        {
            var before = handler.Requests.Count;
            await Assert.ThrowsAsync<DatastoreUnavailableException>(call);
            return handler.Requests.Count - before;
        }

        Assert.Equal(3, await AttemptsAsync(() => client.GetDocumentAsync(db, "d", Ct)));
        Assert.Equal(3, await AttemptsAsync(() => client.QueryViewAsync(db, "conference", "listing_by_number", new ViewQuery { Keys = ["1"] }, Ct)));
        Assert.Equal(3, await AttemptsAsync(() => client.CreateDatabaseAsync(db, Ct)));
        Assert.Equal(1, await AttemptsAsync(() => client.PutDocumentAsync(db, "d", document, Ct)));
        Assert.Equal(1, await AttemptsAsync(() => client.DeleteDocumentAsync(db, "d", "1-0123456789abcdef0123456789abcdef", Ct)));
    }

    [Fact]
    public async Task Conflicts_and_not_found_are_not_failures_for_the_circuit_breaker()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.Conflict, """{"error":"conflict","reason":"Document update conflict"}"""));
        var client = ClientOver("http://127.0.0.1:5984", handler);

        for (var i = 0; i < 20; i++)
        {
            Assert.True((await client.PutDocumentAsync("accounts", "d", new JsonObject { ["_id"] = "d" }, Ct)).IsConflict);
        }

        Assert.Equal(20, handler.Requests.Count);
    }

    [Fact]
    public async Task Server_without_up_endpoint_is_checked_through_its_welcome()
    {
        var handler = new RecordingHandler(request => request.RequestUri!.AbsolutePath == "/_up"
            ? RecordingHandler.Json(HttpStatusCode.NotFound, """{"error":"not_found","reason":"missing"}""")
            : RecordingHandler.Json(HttpStatusCode.OK, """{"couchdb":"Welcome"}"""));
        var store = server.Stores.StoreOver("http://127.0.0.1:5984", handler);

        var health = await store.CheckHealthAsync(Ct);

        Assert.True(health.Healthy, health.Description);
        Assert.Equal(["http://127.0.0.1:5984/_up", "http://127.0.0.1:5984/"], handler.Requests.Select(r => r.Uri));
    }

    [Fact]
    public async Task Id_couchdb_refuses_to_read_is_an_absent_document_as_in_the_embedded_store()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(HttpStatusCode.BadRequest,
            """{"error":"bad_request","reason":"Only reserved document ids may start with underscore."}"""));
        var store = server.Stores.StoreOver("http://127.0.0.1:5984", handler);

        Assert.Null(await store.GetAsync("accounts", "_reserved", Ct));
    }

    private CouchDbClient ClientOver(string url, RecordingHandler handler, IReadOnlyDictionary<string, string?>? settings = null) =>
        server.Stores.ClientOver(url, handler, settings);
}
