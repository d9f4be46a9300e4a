namespace Conferences.Api.Tests.Filters;

/// <summary>Query-string filters on the list (<c>crossbar_filter</c>, <c>crossbar_filter_tests</c>).</summary>
public abstract class FilterTests(ApiFactory api)
{
    [Fact]
    public async Task Filter_on_a_field_keeps_equal_values()
    {
        var account = await AccountWithRoomsAsync();

        Assert.Equal(["room-b"], await account.ListIdsAsync("filter_name=Bravo"));
    }

    [Fact]
    public async Task Filter_not_keeps_the_others()
    {
        var account = await AccountWithRoomsAsync();

        Assert.Equal(["room-c", "room-a"], await account.ListIdsAsync("filter_not_name=Bravo"));
    }

    [Fact]
    public async Task Filter_on_a_dotted_path_compares_the_stringified_value()
    {
        var account = await AccountWithRoomsAsync();

        Assert.Equal(["room-c", "room-a"], await account.ListIdsAsync("filter_member.join_muted=true"));
        Assert.Equal(["room-b"], await account.ListIdsAsync("filter_member.join_muted=false"));
    }

    [Fact]
    public async Task Filter_on_a_number_compares_its_text()
    {
        var account = await AccountWithRoomsAsync();

        Assert.Equal(["room-a"], await account.ListIdsAsync("filter_max_participants=10"));
    }

    [Fact]
    public async Task Filter_with_a_json_array_value_means_membership()
    {
        var account = await AccountWithRoomsAsync();

        var ids = await account.ListIdsAsync($"filter_name={Uri.EscapeDataString("""["Alpha","Charlie"]""")}");

        Assert.Equal(["room-c", "room-a"], ids);
    }

    [Fact]
    public async Task Has_key_and_key_missing_look_at_nested_keys()
    {
        var account = await AccountWithRoomsAsync();

        Assert.Equal(["room-c"], await account.ListIdsAsync("has_key=ui_metadata.origin"));
        Assert.Equal(["room-b", "room-a"], await account.ListIdsAsync("key_missing=ui_metadata.origin"));
        Assert.Equal(["room-c", "room-b", "room-a"], await account.ListIdsAsync("has_key=member"));
        Assert.Empty(await account.ListIdsAsync("has_key=no.such.key"));
    }

    [Fact]
    public async Task Has_value_and_value_missing_treat_empty_values_as_missing()
    {
        var account = await AccountWithRoomsAsync();

        Assert.Equal(["room-b"], await account.ListIdsAsync("has_value=conference_numbers"));
        Assert.Equal(["room-c", "room-a"], await account.ListIdsAsync("value_missing=conference_numbers"));
    }

    [Fact]
    public async Task Several_filters_must_all_match()
    {
        var account = await AccountWithRoomsAsync();

        Assert.Equal(["room-a"], await account.ListIdsAsync("filter_member.join_muted=true&key_missing=ui_metadata"));
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
