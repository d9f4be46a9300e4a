namespace Conferences.Api.Tests.Pagination;

/// <summary><c>page_size</c>, <c>start_key</c>/<c>next_start_key</c> and <c>paginate</c> (<c>crossbar_view</c>).</summary>
public abstract class PaginationTests(ApiFactory api)
{
    [Fact]
    public async Task Page_size_one_with_next_start_key_visits_every_conference_exactly_once()
    {
        var (account, created) = await AccountWithConferencesIdsAsync(4);

        var seen = new List<string>();
        string? startKey = null;
        for (var page = 0; page < 10; page++)
        {
            var query = startKey is null ? "page_size=1" : $"page_size=1&start_key={Uri.EscapeDataString(startKey)}";
            var answer = await account.ListAsync(query);
            seen.Add(Assert.Single(answer.DataArray)!["id"]!.GetValue<string>());
            Assert.Equal(1, answer.Json!["page_size"]!.GetValue<int>());
            if (startKey is not null)
            {
                Assert.Equal(startKey, answer.Json!["start_key"]!.GetValue<string>());
            }
            startKey = answer.Json!["next_start_key"]?.GetValue<string>();
            if (startKey is null)
            {
                break;
            }
        }

        Assert.Equal(created.Order(StringComparer.Ordinal).Reverse(), seen);
    }

    [Fact]
    public async Task First_page_has_no_start_key_and_the_last_page_no_next_start_key()
    {
        var account = await AccountWithConferencesAsync(2);

        var first = await account.ListAsync("page_size=1");
        var all = await account.ListAsync("page_size=2");

        Assert.False(first.Json!.ContainsKey("start_key"));
        Assert.True(first.Json!.ContainsKey("next_start_key"));
        Assert.False(all.Json!.ContainsKey("next_start_key"));
    }

    [Fact]
    public async Task Envelope_page_size_is_the_number_of_items_returned()
    {
        var account = await AccountWithConferencesAsync(2);

        var answer = await account.ListAsync("page_size=10");

        Assert.Equal(2, answer.DataArray.Count);
        Assert.Equal(2, answer.Json!["page_size"]!.GetValue<int>());
    }

    [Fact]
    public async Task Empty_list_has_page_size_zero_and_no_revision()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.ListAsync();

        Assert.Equal(0, answer.Json!["page_size"]!.GetValue<int>());
        Assert.False(answer.Json!.ContainsKey("revision"));
    }

    [Fact]
    public async Task Paginate_false_returns_everything_without_pagination_keys()
    {
        var account = await AccountWithConferencesAsync(3);

        var answer = await account.ListAsync("paginate=false&page_size=1");

        Assert.Equal(3, answer.DataArray.Count);
        Assert.False(answer.Json!.ContainsKey("page_size"));
        Assert.False(answer.Json!.ContainsKey("next_start_key"));
        Assert.False(answer.Json!.ContainsKey("start_key"));
    }

    [Theory]
    [InlineData("0", "page size must be at least 1")]
    [InlineData("-3", "page size must be at least 1")]
    [InlineData("abc", "invalid page size")]
    [InlineData("1.5", "invalid page size")]
    public async Task Invalid_page_size_is_404_faulty_request(string pageSize, string message)
    {
        var account = await api.NewAccountAsync();

        var answer = await account.GetAsync($"conferences?page_size={pageSize}");

        answer.ExpectError(HttpStatusCode.NotFound, "faulty_request")
            .ExpectData("message", message);
    }

    [Fact]
    public async Task Largest_page_size_returns_everything_on_one_page()
    {
        var account = await AccountWithConferencesAsync(2);

        var answer = await account.ListAsync($"page_size={int.MaxValue}");

        Assert.Equal(2, answer.DataArray.Count);
        Assert.False(answer.Json!.ContainsKey("next_start_key"));
    }

    [Fact]
    public async Task Start_key_that_does_not_decode_is_used_verbatim()
    {
        var account = await api.NewAccountAsync();
        foreach (var id in new[] { "room-a", "room-b", "room-c" })
        {
            await account.CreateConferenceAsync(new JsonObject { ["id"] = id });
        }

        var ids = await account.ListIdsAsync("start_key=room-b");

        Assert.Equal(["room-b", "room-a"], ids);
    }

    [Fact]
    public async Task Page_size_may_come_from_the_request_data()
    {
        var account = await AccountWithConferencesAsync(2);

        var answer = await account.SendAsync(HttpMethod.Get, "conferences", Body.Data(new JsonObject { ["page_size"] = 1 }));

        answer.ExpectStatus(HttpStatusCode.OK);
        Assert.Single(answer.DataArray);
    }

    private async Task<TestAccount> AccountWithConferencesAsync(int count) => (await AccountWithConferencesIdsAsync(count)).Account;

    private async Task<(TestAccount Account, List<string> Ids)> AccountWithConferencesIdsAsync(int count)
    {
        var account = await api.NewAccountAsync();
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await account.CreateConferenceIdAsync());
        }
        return (account, ids);
    }
}
