namespace Conferences.Infrastructure.Tests.Storage;

/// <summary>Concurrent writers (exactly one wins each revision), two stores over one storage, and health.</summary>
public abstract class ConcurrencyContract(IStoreSource source) : DocumentStoreContract(source)
{
    private const int Writers = 20;

    [Fact]
    public async Task A_change_stamp_holds_without_a_write_and_moves_after_one_through_this_store_or_another()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var other = await CreateStoreAsync();
        var id = KazooIds.NewId();
        var before = await StampGivenAsync(store, db);
        await store.GetAsync(db, id, Ct);
        Assert.Equal(before, await store.ChangeStampAsync(db, Ct));

        var rev = await store.SaveAsync(db, Conference(id), Ct);
        var afterOwn = await store.ChangeStampAsync(db, Ct);
        await StampGivenAsync(other, db);
        await other.DeleteAsync(db, id, rev, Ct);
        var afterOther = await StampChangedFromAsync(store, db, afterOwn!.Value);

        Assert.NotEqual(before, afterOwn);
        Assert.NotEqual(afterOwn, afterOther);
    }

    [Fact]
    public async Task Concurrent_updates_with_the_same_revision_let_exactly_one_win()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var id = KazooIds.NewId();
        var rev = await store.SaveAsync(db, Conference(id, numbers: ["1"]), Ct);

        var outcomes = await RaceAsync(writer => store.SaveAsync(db, Revising(rev, Conference(id, $"writer {writer}", [$"{writer}"])), Ct));

        var winner = Assert.Single(outcomes, outcome => outcome is not null);
        Assert.Matches("^2-", winner);
        var stored = await store.GetAsync(db, id, Ct);
        Assert.Equal(winner, KazooJson.GetString(stored!, "_rev"));
        var number = Assert.Single(await store.QueryViewAsync(db, KazooViews.ConferenceByNumber, new ViewQuery(), Ct));
        Assert.Equal($"writer {number.Key}", KazooJson.GetString(stored!, "name"));
    }

    [Fact]
    public async Task Concurrent_creates_of_the_same_id_let_exactly_one_win()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var id = KazooIds.NewId();

        var outcomes = await RaceAsync(writer => store.SaveAsync(db, Conference(id, $"writer {writer}"), Ct));

        Assert.Matches("^1-", Assert.Single(outcomes, outcome => outcome is not null));
        Assert.Single(await store.QueryViewAsync(db, KazooViews.ConferenceListing, new ViewQuery(), Ct));
    }

    [Fact]
    public async Task Second_store_over_the_same_storage_sees_the_data()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var id = KazooIds.NewId();
        var rev = await store.SaveAsync(db, Conference(id, "Shared", ["6000"]), Ct);

        var other = await CreateStoreAsync();

        Assert.True(await other.DatabaseExistsAsync(db, Ct));
        Assert.Equal(rev, KazooJson.GetString((await other.GetAsync(db, id, Ct))!, "_rev"));
        Assert.Equal(id, Assert.Single(await other.QueryViewAsync(db, KazooViews.ConferenceByNumber, new ViewQuery { Keys = ["6000"] }, Ct)).Id);
        var stale = Revising("1-0123456789abcdef0123456789abcdef", Conference(id));
        await Assert.ThrowsAsync<DocumentConflictException>(() => other.SaveAsync(db, stale, Ct));
    }

    [Fact]
    public async Task Reachable_store_is_healthy()
    {
        var store = await CreateStoreAsync();

        var health = await store.CheckHealthAsync(Ct);

        Assert.True(health.Healthy, health.Description);
        Assert.False(string.IsNullOrEmpty(health.Provider));
    }

    [Fact]
    public async Task Unreachable_store_is_unavailable_and_unhealthy()
    {
        var store = CreateUnreachableStore();

        await Assert.ThrowsAsync<DatastoreUnavailableException>(() => store.GetAsync(NewAccountDatabase(), KazooIds.NewId(), Ct));
        await Assert.ThrowsAsync<DatastoreUnavailableException>(() => store.EnsureDatabaseAsync(NewAccountDatabase(), Ct));
        var health = await store.CheckHealthAsync(Ct);
        Assert.False(health.Healthy);
        Assert.False(string.IsNullOrEmpty(health.Description));
    }

    /// <summary>
    /// Starts every write at once, each on its own thread (an embedded store may complete "async" calls synchronously,
    /// so the thread pool alone would serialise them); a conflict is a null outcome.
    /// </summary>
    private static async Task<string?[]> RaceAsync(Func<int, Task<string>> write)
    {
        using var gate = new Barrier(Writers);
        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Factory.StartNew(async () =>
        {
            gate.SignalAndWait();
            try
            {
                return await write(writer);
            }
            catch (DocumentConflictException)
            {
                return null;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()).ToList();
        return await Task.WhenAll(writers);
    }

    // a stamp may need a moment to be given; 3 s for a loaded machine
    private static async Task<long> StampGivenAsync(IDocumentStore store, string db) =>
        (await ChangeStamps.UntilAsync(store, db, stamp => stamp is not null, TimeSpan.FromSeconds(3)))!.Value;

    // another instance's write is seen within the adapter's bound (50 ms for SQLite, the feed's delivery for CouchDB);
    // a second allows for a loaded machine
    private static Task<long?> StampChangedFromAsync(IDocumentStore store, string db, long seen) =>
        ChangeStamps.UntilAsync(store, db, stamp => stamp != seen, TimeSpan.FromSeconds(1));
}
