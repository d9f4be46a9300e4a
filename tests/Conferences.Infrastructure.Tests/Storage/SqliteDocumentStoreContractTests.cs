using Microsoft.Data.Sqlite;

namespace Conferences.Infrastructure.Tests.Storage;

/// <summary>What only the embedded SQLite store has (file locks, re-indexing); the shared suites are in SqliteContractSuites.</summary>
[Collection("SQLite document store contract")]
public sealed class SqliteDocumentStoreContractTests(SqliteFileFixture file) : DocumentStoreContract(file), IClassFixture<SqliteFileFixture>
{
    [Fact]
    public async Task Health_names_the_sqlite_provider()
    {
        var health = await Store(file.ConnectionString).CheckHealthAsync(Ct);

        Assert.True(health.Healthy, health.Description);
        Assert.Equal("sqlite", health.Provider);
        Assert.Equal("sqlite", (await CreateUnreachableStore().CheckHealthAsync(Ct)).Provider);
    }

    [Fact]
    public async Task Writer_locked_out_past_the_busy_timeout_is_unavailable()
    {
        var store = Store(file.ConnectionString, TimeSpan.FromMilliseconds(200));
        var db = NewAccountDatabase();
        await store.EnsureDatabaseAsync(db, Ct);
        await using var blocker = new SqliteConnection($"{file.ConnectionString};Pooling=False");
        await blocker.OpenAsync(Ct);
        await using var exclusive = blocker.CreateCommand();
        exclusive.CommandText = "BEGIN EXCLUSIVE;";
        await exclusive.ExecuteNonQueryAsync(Ct);

        var document = new System.Text.Json.Nodes.JsonObject { ["_id"] = KazooIds.NewId() };
        await Assert.ThrowsAsync<DatastoreUnavailableException>(() => store.SaveAsync(db, document, Ct));

        exclusive.CommandText = "ROLLBACK;";
        await exclusive.ExecuteNonQueryAsync(Ct);
        Assert.Matches("^1-", await store.SaveAsync(db, document, Ct));
    }

    [Fact]
    public async Task Changed_design_document_rebuilds_the_views_of_its_database()
    {
        var store = Store(file.ConnectionString);
        var db = NewAccountDatabase();
        await store.EnsureDatabaseAsync(db, Ct);
        var id = KazooIds.NewId();
        await store.SaveAsync(db, new System.Text.Json.Nodes.JsonObject { ["_id"] = id, ["pvt_type"] = "conference" }, Ct);
        // What an older release would have left: another map in the design document, and its rows.
        await using (var older = new SqliteConnection(file.ConnectionString))
        {
            await older.OpenAsync(Ct);
            await using var tamper = older.CreateCommand();
            tamper.CommandText = """
                UPDATE documents SET body = json_set(body, '$.views.crossbar_listing.map', 'function(doc) {}') WHERE db = $db AND id = '_design/conferences';
                DELETE FROM view_rows WHERE db = $db;
                """;
            tamper.Parameters.AddWithValue("$db", db);
            await tamper.ExecuteNonQueryAsync(Ct);
        }
        var upgraded = Store(file.ConnectionString);

        await upgraded.EnsureDatabaseAsync(db, Ct);

        Assert.Equal(id, Assert.Single(await upgraded.QueryViewAsync(db, KazooViews.ConferenceListing, new ViewQuery(), Ct)).Id);
        Assert.Matches("^2-", KazooJson.GetString((await upgraded.GetAsync(db, "_design/conferences", Ct))!, "_rev"));
    }

    private static IDocumentStore Store(string connectionString, TimeSpan? busyTimeout = null) =>
        SqliteFileFixture.Store(connectionString, busyTimeout);
}
