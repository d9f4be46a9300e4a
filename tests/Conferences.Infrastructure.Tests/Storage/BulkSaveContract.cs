namespace Conferences.Infrastructure.Tests.Storage;

/// <summary>Bulk writes (<c>kz_datamgr:save_docs/2</c>, CouchDB <c>_bulk_docs</c>): each document checked on its own, in one call.</summary>
public abstract class BulkSaveContract(IStoreSource source) : DocumentStoreContract(source)
{
    [Fact]
    public async Task Creates_updates_and_removals_are_written_together_and_answered_in_order()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var ids = SortedIds(4);
        var updatedRev = await store.SaveAsync(db, Conference(ids[1], "Before"), Ct);
        var removedRev = await store.SaveAsync(db, Conference(ids[2], "Leaving"), Ct);

        var results = await store.SaveManyAsync(db, [Conference(ids[3], "New"), Revising(updatedRev, Conference(ids[1], "After")), BulkSaveResult.Removal(ids[2], removedRev), Conference(ids[0], "First")], Ct);

        Assert.Equal([ids[3], ids[1], ids[2], ids[0]], results.Select(r => r.Id));
        Assert.All(results, r => Assert.Matches(RevisionPattern, r.Revision!));
        Assert.StartsWith("2-", results[1].Revision, StringComparison.Ordinal);
        await AssertStoredAsync(store, db, ids[3], "New", results[0].Revision!);
        await AssertStoredAsync(store, db, ids[1], "After", results[1].Revision!);
        Assert.Null(await store.GetAsync(db, ids[2], Ct));
        var listing = await store.QueryViewAsync(db, KazooViews.ConferenceListing, new ViewQuery(), Ct);
        Assert.Equal([ids[0], ids[1], ids[3]], listing.Select(r => r.Id));
    }

    [Fact]
    public async Task A_conflict_skips_its_document_only()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var ids = SortedIds(4);
        var first = await store.SaveAsync(db, Conference(ids[0], "Kept"), Ct);
        var stale = Revising("1-00000000000000000000000000000000", Conference(ids[0], "Stale"));
        var gone = await store.SaveAsync(db, Conference(ids[1]), Ct);
        await store.DeleteAsync(db, ids[1], gone, Ct);

        var results = await store.SaveManyAsync(db,
            [stale, Conference(ids[2], "Written"), BulkSaveResult.Removal(ids[1], gone), BulkSaveResult.Removal(ids[3], first)], Ct);

        Assert.Equal([true, false, true, true], results.Select(r => r.Conflict));
        await AssertStoredAsync(store, db, ids[0], "Kept", first);
        await AssertStoredAsync(store, db, ids[2], "Written", results[1].Revision!);
    }

    [Fact]
    public async Task A_bad_document_refuses_the_whole_write_before_anything_is_written()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var id = KazooIds.NewId();
        var withoutRevision = Json($$"""{"_id":"{{KazooIds.NewId()}}","_deleted":true}""");

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveManyAsync(db, [Conference(id), withoutRevision], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveManyAsync(db, [Conference(id), Json("""{"_id":"_reserved"}""")], Ct));

        Assert.Null(await store.GetAsync(db, id, Ct));
    }

    [Fact]
    public async Task An_empty_write_answers_nothing_and_a_missing_database_is_not_found()
    {
        var (store, db) = await StoreWithDatabaseAsync();

        Assert.Empty(await store.SaveManyAsync(db, [], Ct));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.SaveManyAsync(NewAccountDatabase(), [Conference(KazooIds.NewId())], Ct));
    }
}
