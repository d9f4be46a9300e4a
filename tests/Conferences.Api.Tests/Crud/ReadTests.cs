namespace Conferences.Api.Tests.Crud;

/// <summary>GET of conferences and their participants (docs/compatibility.md D1, D3, D5).</summary>
public abstract class ReadTests(ApiFactory api)
{
    private static readonly string[] ListReadOnlyKeys = ["admins", "duration", "is_locked", "members", "moderators", "participant_count"];

    [Fact]
    public async Task Get_of_an_unknown_conference_is_404_bad_identifier()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.GetAsync("conferences/never-created");

        answer.ExpectError(HttpStatusCode.NotFound, "bad_identifier")
            .ExpectData("cause", "never-created");
    }

    [Theory]
    [InlineData("_design%2Fconferences")]
    [InlineData("_design%2Fconference")]
    [InlineData("_all_docs")]
    public async Task Design_documents_and_reserved_ids_are_not_conferences(string id)
    {
        var account = await api.NewAccountAsync();

        (await account.GetAsync($"conferences/{id}")).ExpectError(HttpStatusCode.NotFound, "bad_identifier");
        (await account.DeleteAsync($"conferences/{id}")).ExpectError(HttpStatusCode.NotFound, "bad_identifier");
    }

    [Fact]
    public async Task Get_shows_the_document_with_idle_read_only_and_no_participants()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync(new JsonObject { ["name"] = "Idle" });

        var data = (await account.GetAsync($"conferences/{id}")).ExpectStatus(HttpStatusCode.OK).DataObject;

        Assert.Equal(id, data["id"]!.GetValue<string>());
        Assert.Equal("Idle", data["name"]!.GetValue<string>());
        var readOnly = (JsonObject)data["_read_only"]!;
        Assert.Equal([.. ListReadOnlyKeys, "participants"], readOnly.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("[]", readOnly["participants"]!.ToJsonString());
        AssertIdle(readOnly);
        Assert.DoesNotContain(data, p => p.Key.StartsWith("pvt_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_items_carry_idle_read_only_in_one_shape()
    {
        var account = await api.NewAccountAsync();
        await account.CreateConferenceAsync(new JsonObject { ["name"] = "Listed", ["conference_numbers"] = new JsonArray("5550100") });

        var item = (JsonObject)Assert.Single((await account.ListAsync()).DataArray)!;

        Assert.Equal("Listed", item["name"]!.GetValue<string>());
        Assert.Equal("[\"5550100\"]", item["conference_numbers"]!.ToJsonString());
        Assert.Equal("[]", item["flags"]!.ToJsonString());
        var readOnly = (JsonObject)item["_read_only"]!;
        Assert.Equal(ListReadOnlyKeys, readOnly.Select(p => p.Key).Order(StringComparer.Ordinal));
        AssertIdle(readOnly);
    }

    [Fact]
    public async Task Participants_of_a_stored_idle_conference_are_an_empty_list()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();

        var answer = (await account.GetAsync($"conferences/{id}/participants")).ExpectStatus(HttpStatusCode.OK);

        Assert.Empty(answer.DataArray);
    }

    [Fact]
    public async Task Participants_of_an_unknown_conference_are_404()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.GetAsync("conferences/nothing-here/participants");

        answer.ExpectError(HttpStatusCode.NotFound, "bad_identifier");
    }

    [Fact]
    public async Task Unknown_participant_is_404_bad_identifier_with_its_id()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();

        var answer = await account.GetAsync($"conferences/{id}/participants/7");

        answer.ExpectError(HttpStatusCode.NotFound, "bad_identifier");
        Assert.Equal("7", answer.DataObject["id"]!.ToString());
    }

    [Fact]
    public async Task Participant_of_an_unknown_conference_is_404()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.GetAsync("conferences/nothing-here/participants/1");

        answer.ExpectError(HttpStatusCode.NotFound, "bad_identifier");
    }

    private static void AssertIdle(JsonObject readOnly)
    {
        Assert.Equal(0, readOnly["members"]!.GetValue<int>());
        Assert.Equal(0, readOnly["moderators"]!.GetValue<int>());
        Assert.Equal(0, readOnly["admins"]!.GetValue<int>());
        Assert.Equal(0, readOnly["participant_count"]!.GetValue<int>());
        Assert.Equal(0, readOnly["duration"]!.GetValue<int>());
        Assert.False(readOnly["is_locked"]!.GetValue<bool>());
    }
}
