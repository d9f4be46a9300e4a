namespace Conferences.Infrastructure.Tests.Storage;

/// <summary>Kazoo's listing views: the rows each map emits, their order, bounds, limits and deletes.</summary>
public abstract class ViewsContract(IStoreSource source) : DocumentStoreContract(source)
{
    [Fact]
    public async Task Crossbar_listing_row_is_kazoos_list_item()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var ids = SortedIds(3);
        await store.SaveAsync(db, Json($$"""
            {"_id":"{{ids[0]}}","pvt_type":"conference","pvt_account_id":"x","name":"Full","owner_id":"o1",
             "member":{"numbers":["100"],"pins":[]},"moderator":{"numbers":[],"pins":["9"]},"ui_flags":{"a":1},
             "conference_numbers":["200"],"flags":["f"],"play_name":true}
            """), Ct);
        await store.SaveAsync(db, Json($$"""{"_id":"{{ids[1]}}","pvt_type":"conference"}"""), Ct);
        await store.SaveAsync(db, Json($$"""{"_id":"{{ids[2]}}","pvt_type":"user","name":"Not a conference"}"""), Ct);

        var rows = await store.QueryViewAsync(db, KazooViews.ConferenceListing, new ViewQuery(), Ct);

        Assert.Equal([ids[0], ids[1]], rows.Select(r => r.Key));
        Assert.Equal([ids[0], ids[1]], rows.Select(r => r.Id));
        AssertJsonEqual(Json($$"""
            {"id":"{{ids[0]}}","name":"Full","owner_id":"o1","member":{"numbers":["100"],"pins":[]},
             "moderator":{"numbers":[],"pins":["9"]},"ui_flags":{"a":1},"conference_numbers":["200"],"flags":["f"]}
            """), rows[0].Value);
        AssertJsonEqual(Json($$"""{"id":"{{ids[1]}}","flags":[]}"""), rows[1].Value);
        Assert.All(rows, row => Assert.Null(row.Document));
    }

    [Fact]
    public async Task Crossbar_listing_is_sorted_by_id_and_descending_reverses()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var ids = SortedIds(5);
        foreach (var id in ids.AsEnumerable().Reverse())
        {
            await store.SaveAsync(db, Conference(id), Ct);
        }

        var ascending = await store.QueryViewAsync(db, KazooViews.ConferenceListing, new ViewQuery(), Ct);
        var descending = await store.QueryViewAsync(db, KazooViews.ConferenceListing, new ViewQuery { Descending = true }, Ct);

        Assert.Equal(ids, ascending.Select(r => r.Key));
        Assert.Equal(ids.AsEnumerable().Reverse(), descending.Select(r => r.Key));
    }

    [Fact]
    public async Task Start_and_end_keys_are_inclusive_bounds_in_the_query_direction()
    {
        var (store, db, ids) = await StoreWithConferencesAsync(5);

        var from = await store.QueryViewAsync(db, KazooViews.ConferenceListing, new ViewQuery { StartKey = ids[1] }, Ct);
        var between = await store.QueryViewAsync(db, KazooViews.ConferenceListing, new ViewQuery { StartKey = ids[1], EndKey = ids[3] }, Ct);
        var down = await store.QueryViewAsync(db, KazooViews.ConferenceListing, new ViewQuery { StartKey = ids[3], Descending = true }, Ct);
        var downBetween = await store.QueryViewAsync(
            db, KazooViews.ConferenceListing, new ViewQuery { StartKey = ids[3], EndKey = ids[1], Descending = true }, Ct);

        Assert.Equal(ids[1..], from.Select(r => r.Key));
        Assert.Equal(ids[1..4], between.Select(r => r.Key));
        Assert.Equal([ids[3], ids[2], ids[1], ids[0]], down.Select(r => r.Key));
        Assert.Equal([ids[3], ids[2], ids[1]], downBetween.Select(r => r.Key));
    }

    [Fact]
    public async Task Limit_caps_the_rows_after_ordering()
    {
        var (store, db, ids) = await StoreWithConferencesAsync(4);

        var firstTwo = await store.QueryViewAsync(db, KazooViews.ConferenceListing, new ViewQuery { Limit = 2 }, Ct);
        var lastTwo = await store.QueryViewAsync(db, KazooViews.ConferenceListing, new ViewQuery { Limit = 2, Descending = true }, Ct);
        var page = await store.QueryViewAsync(db, KazooViews.ConferenceListing, new ViewQuery { StartKey = ids[1], Limit = 2 }, Ct);
        var none = await store.QueryViewAsync(db, KazooViews.ConferenceListing, new ViewQuery { Limit = 0 }, Ct);

        Assert.Equal(ids[..2], firstTwo.Select(r => r.Key));
        Assert.Equal([ids[3], ids[2]], lastTwo.Select(r => r.Key));
        Assert.Equal(ids[1..3], page.Select(r => r.Key));
        Assert.Empty(none);
    }

    [Fact]
    public async Task Include_docs_returns_the_stored_documents_with_their_revisions()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var id = KazooIds.NewId();
        var document = Conference(id, "With doc", ["5000"]);
        document["pvt_account_id"] = "acct";
        var rev = await store.SaveAsync(db, document, Ct);

        var rows = await store.QueryViewAsync(db, KazooViews.ConferenceListing, new ViewQuery { IncludeDocs = true }, Ct);
        var byNumber = await store.QueryViewAsync(db, KazooViews.ConferenceByNumber, new ViewQuery { Keys = ["5000"], IncludeDocs = true }, Ct);

        var row = Assert.Single(rows);
        Assert.NotNull(row.Document);
        Assert.Equal(rev, KazooJson.GetString(row.Document, "_rev"));
        AssertJsonEqual(document, WithoutRevision(row.Document));
        Assert.Equal(rev, KazooJson.GetString(Assert.Single(byNumber).Document!, "_rev"));
    }

    [Fact]
    public async Task Soft_deleted_conference_leaves_the_views()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var id = KazooIds.NewId();
        var rev = await store.SaveAsync(db, Conference(id, "Doomed", ["7000"]), Ct);

        await store.SaveAsync(db, SoftDeleting(rev, Conference(id, "Doomed", ["7000"])), Ct);

        Assert.NotNull(await store.GetAsync(db, id, Ct));
        Assert.Empty(await store.QueryViewAsync(db, KazooViews.ConferenceListing, new ViewQuery(), Ct));
        Assert.Empty(await store.QueryViewAsync(db, KazooViews.ConferenceByNumber, new ViewQuery { Keys = ["7000"] }, Ct));
        Assert.Empty(await store.QueryViewAsync(db, KazooViews.ConferenceByName, new ViewQuery(), Ct));
    }

    [Fact]
    public async Task Hard_deleted_conference_leaves_the_views()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var id = KazooIds.NewId();
        var rev = await store.SaveAsync(db, Conference(id, "Gone", ["7100"]), Ct);

        await store.DeleteAsync(db, id, rev, Ct);

        Assert.Empty(await store.QueryViewAsync(db, KazooViews.ConferenceListing, new ViewQuery(), Ct));
        Assert.Empty(await store.QueryViewAsync(db, KazooViews.ConferenceByNumber, new ViewQuery { Keys = ["7100"] }, Ct));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Key_range_pointing_against_the_direction_is_rejected(bool descending)
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var (low, high) = ("1000", "2000");

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.QueryViewAsync(db, KazooViews.ConferenceByNumber,
            new ViewQuery { StartKey = descending ? low : high, EndKey = descending ? high : low, Descending = descending }, Ct));
    }
}
