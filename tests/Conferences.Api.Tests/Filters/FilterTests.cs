namespace Conferences.Api.Tests.Filters;

/// <summary>Query-string filters on the list (<c>crossbar_filter</c>, <c>crossbar_filter_tests</c>).</summary>
public abstract class FilterTests(ApiFactory api)
{
    // expected: the ids the filtered list answers, newest first, comma-separated
    [Theory]
    [InlineData("filter_name=Bravo", "room-b")]
    [InlineData("filter_not_name=Bravo", "room-c,room-a")] // not: the others
    [InlineData("filter_member.join_muted=true", "room-c,room-a")] // a dotted path compares the stringified value
    [InlineData("filter_member.join_muted=false", "room-b")]
    [InlineData("filter_max_participants=10", "room-a")] // a number compares its text
    [InlineData("filter_name=%5B%22Alpha%22%2C%22Charlie%22%5D", "room-c,room-a")] // a JSON array value means membership
    [InlineData("has_key=ui_metadata.origin", "room-c")] // has_key and key_missing look at nested keys
    [InlineData("key_missing=ui_metadata.origin", "room-b,room-a")]
    [InlineData("has_key=member", "room-c,room-b,room-a")]
    [InlineData("has_key=no.such.key", "")]
    [InlineData("has_value=conference_numbers", "room-b")] // has_value and value_missing treat empty values as missing
    [InlineData("value_missing=conference_numbers", "room-c,room-a")]
    [InlineData("filter_member.join_muted=true&key_missing=ui_metadata", "room-a")] // several filters must all match
    public async Task Filters_keep_the_rooms_that_match(string query, string expected)
    {
        var account = await AccountWithRoomsAsync();

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), await account.ListIdsAsync(query));
    }

    [Fact]
    public async Task Filtered_out_rows_do_not_count_toward_the_page()
    {
        var account = await api.NewAccountAsync();
        foreach (var (id, tag) in new[] { ("r1", "x"), ("r2", "y"), ("r3", "x"), ("r4", "y"), ("r5", "x") })
        {
            await account.CreateConferenceAsync(new JsonObject { ["id"] = id, ["tag"] = tag });
        }

        var first = await account.ListAsync("filter_tag=x&page_size=2");
        var next = first.Json!["next_start_key"]!.GetValue<string>();
        var second = await account.ListIdsAsync($"filter_tag=x&page_size=2&start_key={Uri.EscapeDataString(next)}");

        Assert.Equal(["r5", "r3"], first.DataArray.Select(i => i!["id"]!.GetValue<string>()));
        Assert.Equal(2, first.Json!["page_size"]!.GetValue<int>());
        Assert.Equal(["r1"], second);
    }

    [Fact]
    public async Task Filter_returns_the_list_item_not_the_whole_document()
    {
        var account = await AccountWithRoomsAsync();

        var item = (JsonObject)Assert.Single((await account.ListAsync("filter_name=Charlie")).DataArray)!;

        Assert.False(item.ContainsKey("ui_metadata"));
        Assert.True(item.ContainsKey("_read_only"));
    }

    private async Task<TestAccount> AccountWithRoomsAsync()
    {
        var account = await api.NewAccountAsync();
        await account.CreateConferenceAsync(new JsonObject { ["id"] = "room-a", ["name"] = "Alpha", ["max_participants"] = 10 });
        await account.CreateConferenceAsync(new JsonObject
        {
            ["id"] = "room-b",
            ["name"] = "Bravo",
            ["member"] = new JsonObject { ["join_muted"] = false },
            ["conference_numbers"] = new JsonArray("5550700"),
        });
        await account.CreateConferenceAsync(new JsonObject { ["id"] = "room-c", ["name"] = "Charlie", ["ui_metadata"] = new JsonObject { ["origin"] = "monster" } });
        return account;
    }
}
