namespace Conferences.Infrastructure.Tests.Storage;

/// <summary>Keyed view reads: numbers, <c>keys</c> order, rows following updates, per-database views.</summary>
public abstract class KeyedViewsContract(IStoreSource source) : DocumentStoreContract(source)
{
    [Fact]
    public async Task Listing_by_number_emits_moderator_member_and_conference_numbers()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var id = KazooIds.NewId();
        await store.SaveAsync(db, Json($$"""
            {"_id":"{{id}}","pvt_type":"conference","moderator":{"numbers":["300"]},"member":{"numbers":["200",42]},
             "conference_numbers":["100"]}
            """), Ct);

        var rows = await store.QueryViewAsync(db, KazooViews.ConferenceByNumber, new ViewQuery(), Ct);

        Assert.Equal(["100", "200", "300"], rows.Select(r => r.Key));
        Assert.All(rows, row => Assert.Equal(id, row.Id));
        Assert.All(rows, row => Assert.Null(row.Value));
    }

    [Fact]
    public async Task Keys_return_each_keys_rows_in_the_requested_order()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var ids = SortedIds(3);
        await store.SaveAsync(db, Conference(ids[2], numbers: ["1000"]), Ct);
        await store.SaveAsync(db, Conference(ids[0], numbers: ["1000", "2000"]), Ct);
        await store.SaveAsync(db, Conference(ids[1], numbers: ["3000"]), Ct);

        var rows = await store.QueryViewAsync(db, KazooViews.ConferenceByNumber, new ViewQuery { Keys = ["3000", "9999", "1000", "3000"] }, Ct);
        var descending = await store.QueryViewAsync(db, KazooViews.ConferenceByNumber, new ViewQuery { Keys = ["2000", "1000"], Descending = true }, Ct);
        var limited = await store.QueryViewAsync(db, KazooViews.ConferenceByNumber, new ViewQuery { Keys = ["1000", "3000"], Limit = 1 }, Ct);
        var none = await store.QueryViewAsync(db, KazooViews.ConferenceByNumber, new ViewQuery { Keys = [] }, Ct);

        Assert.Equal<(string, string)>(
            [("3000", ids[1]), ("1000", ids[0]), ("1000", ids[2]), ("3000", ids[1])],
            rows.Select(r => (r.Key, r.Id)));
        Assert.Equal<(string, string)>([("2000", ids[0]), ("1000", ids[2]), ("1000", ids[0])], descending.Select(r => (r.Key, r.Id)));
        Assert.Equal(ids[0], Assert.Single(limited).Id);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Update_replaces_the_documents_view_rows()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var id = KazooIds.NewId();
        var rev = await store.SaveAsync(db, Conference(id, "Old", ["4000"]), Ct);

        await store.SaveAsync(db, Revising(rev, Conference(id, "New", ["4001"])), Ct);

        Assert.Empty(await store.QueryViewAsync(db, KazooViews.ConferenceByNumber, new ViewQuery { Keys = ["4000"] }, Ct));
        Assert.Single(await store.QueryViewAsync(db, KazooViews.ConferenceByNumber, new ViewQuery { Keys = ["4001"] }, Ct));
        var listing = Assert.Single(await store.QueryViewAsync(db, KazooViews.ConferenceListing, new ViewQuery(), Ct));
        Assert.Equal("New", listing.Value?["name"]?.GetValue<string>());
        var byName = Assert.Single(await store.QueryViewAsync(db, KazooViews.ConferenceByName, new ViewQuery(), Ct));
        Assert.Equal("New", byName.Key);
        Assert.Null(byName.Value);
    }

    [Fact]
    public async Task Api_key_view_exists_only_in_the_accounts_database()
    {
        var (store, accountDb) = await StoreWithDatabaseAsync();
        await store.EnsureDatabaseAsync(AccountDatabase.Accounts, Ct);
        var id = KazooIds.NewId();
        var apiKey = KazooIds.RandomHex(32);
        var account = new JsonObject { ["_id"] = id, ["pvt_type"] = "account", ["name"] = $"acct {id}", ["pvt_api_key"] = apiKey };
        await store.SaveAsync(AccountDatabase.Accounts, (JsonObject)account.DeepClone(), Ct);
        await store.SaveAsync(accountDb, account, Ct);

        var inAccounts = await store.QueryViewAsync(AccountDatabase.Accounts, KazooViews.AccountByApiKey, new ViewQuery { Keys = [apiKey] }, Ct);
        var inAccountDb = await store.QueryViewAsync(accountDb, KazooViews.AccountByApiKey, new ViewQuery { Keys = [apiKey] }, Ct);
        var byName = await store.QueryViewAsync(AccountDatabase.Accounts, KazooViews.AccountByName, new ViewQuery { Keys = [$"acct{id}"] }, Ct);

        Assert.Equal(id, Assert.Single(inAccounts).Id);
        Assert.Empty(inAccountDb);
        Assert.Equal(id, Assert.Single(byName).Id);
        Assert.Null(await store.GetAsync(accountDb, "_design/accounts", Ct));
        Assert.Null(await store.GetAsync(AccountDatabase.Accounts, "_design/conferences", Ct));
    }

    [Fact]
    public async Task Views_of_two_account_databases_are_isolated()
    {
        var (store, first) = await StoreWithDatabaseAsync();
        var second = NewAccountDatabase();
        await store.EnsureDatabaseAsync(second, Ct);
        var firstId = KazooIds.NewId();
        var secondId = KazooIds.NewId();
        await store.SaveAsync(first, Conference(firstId, numbers: ["8000"]), Ct);
        await store.SaveAsync(second, Conference(secondId, numbers: ["8000"]), Ct);

        var firstRows = await store.QueryViewAsync(first, KazooViews.ConferenceListing, new ViewQuery(), Ct);
        var secondNumbers = await store.QueryViewAsync(second, KazooViews.ConferenceByNumber, new ViewQuery { Keys = ["8000"] }, Ct);

        Assert.Equal(firstId, Assert.Single(firstRows).Id);
        Assert.Equal(secondId, Assert.Single(secondNumbers).Id);
        Assert.Null(await store.GetAsync(first, secondId, Ct));
    }

    [Fact]
    public async Task Keys_with_a_key_range_are_rejected()
    {
        var (store, db) = await StoreWithDatabaseAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.QueryViewAsync(
            db, KazooViews.ConferenceByNumber, new ViewQuery { Keys = ["1"], StartKey = "0" }, Ct));
    }
}
