namespace Conferences.Infrastructure.Tests.Storage;

/// <summary>Documents: CouchDB's revisions, conflicts, and hard and soft deletes.</summary>
public abstract class DocumentsContract(IStoreSource source) : DocumentStoreContract(source)
{
    [Fact]
    public async Task Created_document_round_trips_with_a_first_revision()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var id = KazooIds.NewId();

        var rev = await store.SaveAsync(db, Conference(id, "Sales"), Ct);

        Assert.Matches("^1-[0-9a-f]{32}$", rev);
        var stored = await store.GetAsync(db, id, Ct);
        Assert.NotNull(stored);
        Assert.Equal(id, KazooJson.GetString(stored, "_id"));
        Assert.Equal(rev, KazooJson.GetString(stored, "_rev"));
        Assert.Equal("Sales", KazooJson.GetString(stored, "name"));
    }

    [Fact]
    public async Task Document_is_stored_exactly_as_given()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var id = KazooIds.NewId();
        var document = Json($$$"""
            {"_id":"{{{id}}}","name":"Zürich 会議 \"quoted\" <b>","pvt_created":63900000000,"ratio":0.25,"big":12345678901234,
             "flag":false,"nothing":null,"empty":{},"list":[1,"two",{"three":[3]}],"member":{"pins":["1234"],"join_muted":true}}
            """);

        var rev = await store.SaveAsync(db, document, Ct);

        var stored = await store.GetAsync(db, id, Ct);
        Assert.NotNull(stored);
        AssertJsonEqual(document, WithoutRevision(stored));
        Assert.Equal(rev, KazooJson.GetString(stored, "_rev"));
    }

    [Fact]
    public async Task Saving_leaves_the_callers_document_unchanged()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var document = Conference(KazooIds.NewId());
        var before = document.DeepClone();

        await store.SaveAsync(db, document, Ct);

        AssertJsonEqual(before, document);
    }

    [Fact]
    public async Task Update_with_the_current_revision_increments_it()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var id = KazooIds.NewId();
        var first = await store.SaveAsync(db, Conference(id, "Before"), Ct);

        var second = await store.SaveAsync(db, Revising(first, Conference(id, "After")), Ct);

        Assert.Matches("^2-[0-9a-f]{32}$", second);
        Assert.NotEqual(first[2..], second[2..]);
        await AssertStoredAsync(store, db, id, "After", second);
    }

    [Fact]
    public async Task Stale_revision_is_a_conflict()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var id = KazooIds.NewId();
        var first = await store.SaveAsync(db, Conference(id), Ct);
        var current = await store.SaveAsync(db, Revising(first, Conference(id, "Newer")), Ct);
        var stale = Revising(first, Conference(id, "Stale"));

        var conflict = await Assert.ThrowsAsync<DocumentConflictException>(() => store.SaveAsync(db, stale, Ct));

        Assert.Equal(id, conflict.Id);
        Assert.Equal(db, conflict.Database);
        await AssertStoredAsync(store, db, id, "Newer", current);
    }

    [Fact]
    public async Task Creating_an_existing_id_is_a_conflict()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var id = KazooIds.NewId();
        await store.SaveAsync(db, Conference(id, "Original"), Ct);

        await Assert.ThrowsAsync<DocumentConflictException>(() => store.SaveAsync(db, Conference(id, "Intruder"), Ct));

        Assert.Equal("Original", KazooJson.GetString((await store.GetAsync(db, id, Ct))!, "name"));
    }

    [Fact]
    public async Task Revision_for_a_missing_document_is_a_conflict()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var id = KazooIds.NewId();
        var document = Revising("1-0123456789abcdef0123456789abcdef", Conference(id));

        await Assert.ThrowsAsync<DocumentConflictException>(() => store.SaveAsync(db, document, Ct));

        Assert.Null(await store.GetAsync(db, id, Ct));
    }

    [Fact]
    public async Task Hard_deleted_document_is_gone_and_its_id_can_be_created_again()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var id = KazooIds.NewId();
        var rev = await store.SaveAsync(db, Conference(id, "First life"), Ct);

        await store.DeleteAsync(db, id, rev, Ct);

        Assert.Null(await store.GetAsync(db, id, Ct));
        var again = await store.SaveAsync(db, Conference(id, "Second life"), Ct);
        // CouchDB continues the revision count after the tombstone: 1 (create), 2 (delete), 3 (create).
        Assert.Matches("^3-[0-9a-f]{32}$", again);
        Assert.Equal("Second life", KazooJson.GetString((await store.GetAsync(db, id, Ct))!, "name"));
    }

    [Fact]
    public async Task Deleting_with_a_stale_revision_is_a_conflict()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var id = KazooIds.NewId();
        var first = await store.SaveAsync(db, Conference(id), Ct);
        await store.SaveAsync(db, Revising(first, Conference(id)), Ct);

        await Assert.ThrowsAsync<DocumentConflictException>(() => store.DeleteAsync(db, id, first, Ct));

        Assert.NotNull(await store.GetAsync(db, id, Ct));
    }

    [Fact]
    public async Task Deleting_a_missing_document_is_a_conflict()
    {
        var (store, db) = await StoreWithDatabaseAsync();

        await Assert.ThrowsAsync<DocumentConflictException>(
            () => store.DeleteAsync(db, KazooIds.NewId(), "1-0123456789abcdef0123456789abcdef", Ct));
    }

    [Fact]
    public async Task Soft_deleted_document_is_still_returned()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var id = KazooIds.NewId();
        var rev = await store.SaveAsync(db, Conference(id), Ct);

        await store.SaveAsync(db, SoftDeleting(rev, Conference(id)), Ct);

        var stored = await store.GetAsync(db, id, Ct);
        Assert.NotNull(stored);
        Assert.True(KazooJson.GetBool(stored, "pvt_deleted"));
    }
}
