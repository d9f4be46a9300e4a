namespace Conferences.Api.Tests.Pagination;

/// <summary>List order: descending by id unless the query string asks otherwise (<c>crossbar_view</c>).</summary>
public abstract class SortOrderTests(ApiFactory api)
{
    private static readonly string[] Ids = ["b-room", "a-room", "c-room"];

    // descending by id unless ascending is asked for, and descending=true does not undo that
    [Theory]
    [InlineData("", "c-room,b-room,a-room")]
    [InlineData("ascending=true", "a-room,b-room,c-room")]
    [InlineData("ascending=1", "a-room,b-room,c-room")]
    [InlineData("descending=false", "c-room,b-room,a-room")]
    [InlineData("ascending=false", "c-room,b-room,a-room")]
    [InlineData("ascending=true&descending=true", "c-room,b-room,a-room")]
    public async Task Sort_order_follows_the_query_string(string query, string expected)
    {
        var account = await AccountWithRoomsAsync();

        Assert.Equal(expected.Split(','), await account.ListIdsAsync(query));
    }

    [Fact]
    public async Task Ascending_pages_continue_ascending()
    {
        var account = await AccountWithRoomsAsync();

        var first = await account.ListAsync("ascending=true&page_size=2");
        var next = first.Json!["next_start_key"]!.GetValue<string>();
        var second = await account.ListIdsAsync($"ascending=true&page_size=2&start_key={Uri.EscapeDataString(next)}");

        Assert.Equal(["a-room", "b-room"], first.DataArray.Select(i => i!["id"]!.GetValue<string>()));
        Assert.Equal(["c-room"], second);
    }

    private async Task<TestAccount> AccountWithRoomsAsync()
    {
        var account = await api.NewAccountAsync();
        foreach (var id in Ids)
        {
            await account.CreateConferenceAsync(new JsonObject { ["id"] = id });
        }
        return account;
    }
}
