namespace Conferences.Api.Tests.Crud;

/// <summary>POST <c>/conferences/{id}</c>: full replace (<c>cb_conferences:post/2</c>).</summary>
public abstract class UpdateTests(ApiFactory api)
{
    [Fact]
    public async Task Post_removes_absent_fields_and_reapplies_defaults()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync(new JsonObject
        {
            ["name"] = "Before",
            ["custom"] = "gone soon",
            ["member"] = new JsonObject { ["pins"] = new JsonArray("1234"), ["join_muted"] = false },
        });

        var answer = (await account.PostAsync($"conferences/{id}", new JsonObject { ["name"] = "After" })).ExpectStatus(HttpStatusCode.OK);

        var data = answer.DataObject;
        Assert.Equal("After", data["name"]!.GetValue<string>());
        Assert.False(data.ContainsKey("custom"));
        Assert.Equal("[]", data["member"]!["pins"]!.ToJsonString());
        Assert.True(data["member"]!["join_muted"]!.GetValue<bool>());
        Assert.Equal(id, data["id"]!.GetValue<string>());
        Assert.StartsWith("2-", answer.Json!["revision"]!.GetValue<string>(), StringComparison.Ordinal);
        var fetched = (await account.GetAsync($"conferences/{id}")).DataObject;
        Assert.False(fetched.ContainsKey("custom"));
    }

    [Fact]
    public async Task Posting_back_a_fetched_document_with_id_and_read_only_is_accepted()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync(new JsonObject { ["name"] = "Round trip" });
        var fetched = (await account.GetAsync($"conferences/{id}")).DataObject;
        fetched["name"] = "Round trip 2";

        var answer = (await account.PostAsync($"conferences/{id}", fetched)).ExpectStatus(HttpStatusCode.OK);

        Assert.Equal("Round trip 2", answer.DataObject["name"]!.GetValue<string>());
        Assert.Equal(id, answer.DataObject["id"]!.GetValue<string>());
        Assert.False(answer.DataObject.ContainsKey("_read_only"));
    }

    [Fact]
    public async Task Post_ignores_a_different_id_in_the_body()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();

        var answer = (await account.PostAsync($"conferences/{id}", new JsonObject { ["id"] = "other", ["name"] = "x" })).ExpectStatus(HttpStatusCode.OK);

        Assert.Equal(id, answer.DataObject["id"]!.GetValue<string>());
        Assert.Equal([id], await account.ListIdsAsync());
    }

    [Fact]
    public async Task Post_to_an_unknown_conference_is_404()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.PostAsync("conferences/missing", new JsonObject { ["name"] = "x" });

        answer.ExpectError(HttpStatusCode.NotFound, "bad_identifier");
        Assert.Empty(await account.ListIdsAsync());
    }

    [Fact]
    public async Task Post_schema_errors_win_over_the_missing_document()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.PostAsync("conferences/missing", new JsonObject { ["name"] = "" });

        answer.ExpectValidationError("name", "minLength");
    }
}
