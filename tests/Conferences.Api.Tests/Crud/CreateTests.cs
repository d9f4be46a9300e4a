namespace Conferences.Api.Tests.Crud;

/// <summary>PUT <c>/conferences</c> (<c>cb_conferences:put/1</c>, the <c>conferences</c> schema).</summary>
public abstract class CreateTests(ApiFactory api)
{
    [Fact]
    public async Task Empty_create_fills_in_the_schema_defaults()
    {
        var account = await api.NewAccountAsync();

        var data = (await account.CreateConferenceAsync()).DataObject;

        Assert.Equal("[]", data["conference_numbers"]!.ToJsonString());
        Assert.Equal("""{"join_deaf":false,"join_muted":true,"numbers":[],"pins":[]}""", Sorted(data["member"]));
        Assert.Equal("""{"join_deaf":false,"join_muted":false,"numbers":[],"pins":[]}""", Sorted(data["moderator"]));
        Assert.False(data["play_name"]!.GetValue<bool>());
        Assert.Matches("^[0-9a-f]{32}$", data["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_answers_201_with_a_location_and_a_revision()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.CreateConferenceAsync(new JsonObject { ["name"] = "Located" });

        var id = answer.DataObject["id"]!.GetValue<string>();
        Assert.Equal($"/v2/accounts/{account.Id}/conferences/{id}", answer.Header("Location"));
        Assert.StartsWith("1-", answer.Json!["revision"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_fields_are_stored_and_returned()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync(new JsonObject
        {
            ["ui_metadata"] = new JsonObject { ["origin"] = "monster", ["version"] = "4.3" },
            ["custom"] = "value",
        });

        var data = (await account.GetAsync($"conferences/{id}")).ExpectStatus(HttpStatusCode.OK).DataObject;

        Assert.Equal("monster", data["ui_metadata"]!["origin"]!.GetValue<string>());
        Assert.Equal("value", data["custom"]!.GetValue<string>());
    }

    [Fact]
    public async Task Underscore_and_pvt_keys_are_dropped()
    {
        var account = await api.NewAccountAsync();

        var created = await account.CreateConferenceAsync(new JsonObject
        {
            ["_read_only"] = new JsonObject { ["members"] = 9 },
            ["pvt_type"] = "device",
            ["_rev"] = "9-abc",
            ["pvt_account_id"] = "someone-else",
            ["name"] = "Clean",
        });
        var id = created.DataObject["id"]!.GetValue<string>();
        var fetched = (await account.GetAsync($"conferences/{id}")).ExpectStatus(HttpStatusCode.OK);

        Assert.DoesNotContain(created.DataObject, p => p.Key.StartsWith('_') || p.Key.StartsWith("pvt_", StringComparison.Ordinal));
        Assert.StartsWith("1-", created.Json!["revision"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, fetched.DataObject["_read_only"]!["members"]!.GetValue<int>());
        Assert.Single(await account.ListIdsAsync());
    }

    [Fact]
    public async Task Client_supplied_id_names_the_document()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.CreateConferenceAsync(new JsonObject { ["id"] = "my-room" });

        Assert.Equal("my-room", answer.DataObject["id"]!.GetValue<string>());
        Assert.Equal($"/v2/accounts/{account.Id}/conferences/my-room", answer.Header("Location"));
        (await account.GetAsync("conferences/my-room")).ExpectStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Duplicate_client_id_is_409_datastore_conflict()
    {
        var account = await api.NewAccountAsync();
        await account.CreateConferenceAsync(new JsonObject { ["id"] = "twice", ["name"] = "First" });

        var answer = await account.PutAsync("conferences", new JsonObject { ["id"] = "twice", ["name"] = "Second" });

        answer.ExpectError(HttpStatusCode.Conflict, "datastore_conflict")
            .ExpectData("message", "conflicting documents");
        var kept = (await account.GetAsync("conferences/twice")).DataObject;
        Assert.Equal("First", kept["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Same_client_id_in_two_accounts_is_two_conferences()
    {
        var first = await api.NewAccountAsync();
        var second = await api.NewAccountAsync();

        await first.CreateConferenceAsync(new JsonObject { ["id"] = "shared-name" });
        await second.CreateConferenceAsync(new JsonObject { ["id"] = "shared-name" });

        Assert.Equal(["shared-name"], await first.ListIdsAsync());
        Assert.Equal(["shared-name"], await second.ListIdsAsync());
    }

    [Theory]
    [InlineData("room.with.dots")]
    [InlineData("room with spaces")]
    [InlineData("salle-été-会议")]
    public async Task Ids_with_dots_spaces_and_unicode_round_trip(string id)
    {
        var account = await api.NewAccountAsync();
        await account.CreateConferenceAsync(new JsonObject { ["id"] = id });

        var answer = await account.GetAsync($"conferences/{Uri.EscapeDataString(id)}");

        answer.ExpectStatus(HttpStatusCode.OK);
        Assert.Equal(id, answer.DataObject["id"]!.GetValue<string>());
    }

    private static string Sorted(JsonNode? node) =>
        new JsonObject([.. ((JsonObject)node!).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))]).ToJsonString();
}
