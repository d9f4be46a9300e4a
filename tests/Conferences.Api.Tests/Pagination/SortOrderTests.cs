namespace Conferences.Api.Tests.Pagination;

/// <summary>List order: descending by id unless the query string asks otherwise (<c>crossbar_view</c>).</summary>
public abstract class SortOrderTests(ApiFactory api)
{
    private static readonly string[] Ids = ["b-room", "a-room", "c-room"];

    [Fact]
    public async Task Default_order_is_descending_by_id()
    {
        var account = await AccountWithRoomsAsync();

        Assert.Equal(["c-room", "b-room", "a-room"], await account.ListIdsAsync());
    }

    [Theory]
    [InlineData("ascending=true")]
    [InlineData("ascending=1")]
    public async Task Ascending_in_the_query_string_sorts_ascending(string query)
    {
        var account = await AccountWithRoomsAsync();

        Assert.Equal(["a-room", "b-room", "c-room"], await account.ListIdsAsync(query));
    }

    [Theory]
    [InlineData("descending=false")]
    [InlineData("ascending=false")]
    [InlineData("ascending=true&descending=true")]
    public async Task Other_sort_flags_stay_descending(string query)
    {
        var account = await AccountWithRoomsAsync();

        Assert.Equal(["c-room", "b-room", "a-room"], await account.ListIdsAsync(query));
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
