namespace Conferences.Api.Tests.Filters;

/// <summary>
/// <c>created_*</c>/<c>modified_*</c> bounds on <c>pvt_created</c>/<c>pvt_modified</c>, both inclusive (<c>crossbar_filter</c>).
/// The stored timestamps are set through the service's own store so that they differ.
/// </summary>
public abstract class TimestampFilterTests(ApiFactory api)
{
    [Theory]
    [InlineData("created_from=63800000200", "room-c,room-b")]
    [InlineData("created_to=63800000200", "room-b,room-a")]
    [InlineData("created_from=63800000200&created_to=63800000200", "room-b")]
    [InlineData("created_from=63800000201", "room-c")]
    [InlineData("created_to=63800000099", "")]
    [InlineData("created_from=not-a-number", "")]
    [InlineData("modified_from=63900000200", "room-c,room-b")]
    [InlineData("modified_to=63900000200", "room-b,room-a")]
    [InlineData("modified_from=63900000200&modified_to=63900000200", "room-b")]
    [InlineData("created_from=63800000100&modified_to=63900000100", "room-a")]
    public async Task Timestamp_bounds_are_inclusive(string query, string expected)
    {
        var account = await api.NewAccountAsync();
        await CreateWithTimestampsAsync(account, "room-a", 63_800_000_100, 63_900_000_100);
        await CreateWithTimestampsAsync(account, "room-b", 63_800_000_200, 63_900_000_200);
        await CreateWithTimestampsAsync(account, "room-c", 63_800_000_300, 63_900_000_300);

        var ids = await account.ListIdsAsync(query);

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), ids);
    }

    [Fact]
    public async Task Created_from_and_to_equal_to_the_stored_pvt_created_keep_the_conference()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();
        var stored = await api.Services.GetRequiredService<IDocumentStore>().GetAsync(AccountDatabase.Encoded(account.Id), id, CancellationToken.None);
        var created = KazooJson.GetLong(stored!, "pvt_created")!.Value;

        Assert.Equal([id], await account.ListIdsAsync($"created_from={created}&created_to={created}"));
        Assert.Empty(await account.ListIdsAsync($"created_from={created + 1}"));
        Assert.Empty(await account.ListIdsAsync($"created_to={created - 1}"));
    }

    private async Task CreateWithTimestampsAsync(TestAccount account, string id, long created, long modified)
    {
        await account.CreateConferenceAsync(new JsonObject { ["id"] = id });
        var store = api.Services.GetRequiredService<IDocumentStore>();
        var database = AccountDatabase.Encoded(account.Id);
        var doc = await store.GetAsync(database, id, CancellationToken.None) ?? throw new InvalidOperationException($"{id} not stored");
        Assert.IsType<long>(KazooJson.GetLong(doc, "pvt_created"));
        doc["pvt_created"] = created;
        doc["pvt_modified"] = modified;
        await store.SaveAsync(database, doc, CancellationToken.None);
    }
}
