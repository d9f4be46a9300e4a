namespace Conferences.Infrastructure.Tests.Storage;

/// <summary>Databases and identities: unknown ids and databases, missing databases, design documents installed, ids and reserved members.</summary>
public abstract class DatabasesContract(IStoreSource source) : DocumentStoreContract(source)
{
    [Fact]
    public async Task Unknown_id_is_null()
    {
        var (store, db) = await StoreWithDatabaseAsync();

        Assert.Null(await store.GetAsync(db, KazooIds.NewId(), Ct));
    }

    [Fact]
    public async Task Missing_database_reads_as_absent_and_empty()
    {
        var store = await CreateStoreAsync();
        var db = NewAccountDatabase();

        Assert.False(await store.DatabaseExistsAsync(db, Ct));
        Assert.Null(await store.GetAsync(db, KazooIds.NewId(), Ct));
        Assert.Empty(await store.QueryViewAsync(db, KazooViews.ConferenceListing, new ViewQuery(), Ct));
    }

    [Fact]
    public async Task Saving_into_a_missing_database_throws_key_not_found()
    {
        var store = await CreateStoreAsync();
        var db = NewAccountDatabase();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.SaveAsync(db, Conference(KazooIds.NewId()), Ct));

        Assert.False(await store.DatabaseExistsAsync(db, Ct));
    }

    [Fact]
    public async Task Ensure_database_is_idempotent_and_installs_the_design_documents()
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var design = await store.GetAsync(db, "_design/conferences", Ct);

        await store.EnsureDatabaseAsync(db, Ct);
        await (await CreateStoreAsync()).EnsureDatabaseAsync(db, Ct);

        Assert.True(await store.DatabaseExistsAsync(db, Ct));
        Assert.NotNull(design);
        Assert.NotNull(KazooJson.GetPath(design, "views.crossbar_listing.map"));
        Assert.NotNull(KazooJson.GetPath(await store.GetAsync(db, "_design/conference", Ct), "views.listing_by_number.map"));
        Assert.Equal(KazooJson.GetString(design, "_rev"), KazooJson.GetString((await store.GetAsync(db, "_design/conferences", Ct))!, "_rev"));
    }

    [Fact]
    public async Task Document_without_an_id_is_rejected()
    {
        var (store, db) = await StoreWithDatabaseAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.SaveAsync(db, Json("""{"name":"anonymous"}"""), Ct));
    }

    [Theory]
    [InlineData("_read_only")]
    [InlineData("_deleted")]
    public async Task Special_members_other_than_id_and_rev_are_rejected(string member)
    {
        var (store, db) = await StoreWithDatabaseAsync();
        var document = Conference(KazooIds.NewId());
        document[member] = true;

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.SaveAsync(db, document, Ct));
    }
}
