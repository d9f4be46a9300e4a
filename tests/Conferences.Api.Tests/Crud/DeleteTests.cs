namespace Conferences.Api.Tests.Crud;

/// <summary>DELETE <c>/conferences/{id}</c>: soft by default, hard on request (<c>cb_conferences:delete/2</c>; docs/compatibility.md D1).</summary>
public abstract class DeleteTests(ApiFactory api)
{
    [Fact]
    public async Task Delete_answers_the_document_marked_deleted_with_the_previous_revision()
    {
        var account = await api.NewAccountAsync();
        var created = await account.CreateConferenceAsync(new JsonObject { ["name"] = "Doomed" });
        var id = created.DataObject["id"]!.GetValue<string>();

        var answer = (await account.DeleteAsync($"conferences/{id}")).ExpectStatus(HttpStatusCode.OK);

        Assert.True(answer.DataObject["_read_only"]!["deleted"]!.GetValue<bool>());
        Assert.Equal("Doomed", answer.DataObject["name"]!.GetValue<string>());
        Assert.Equal(id, answer.DataObject["id"]!.GetValue<string>());
        Assert.Equal(created.Json!["revision"]!.GetValue<string>(), answer.Json!["revision"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task A_get_or_a_second_delete_after_delete_is_404(string method)
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();
        (await account.DeleteAsync($"conferences/{id}")).ExpectStatus(HttpStatusCode.OK);

        var answer = await account.SendAsync(new HttpMethod(method), $"conferences/{id}");

        answer.ExpectError(HttpStatusCode.NotFound, "bad_identifier");
    }

    [Fact]
    public async Task Delete_of_an_unknown_conference_is_404()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.DeleteAsync("conferences/missing");

        answer.ExpectError(HttpStatusCode.NotFound, "bad_identifier")
            .ExpectData("cause", "missing");
    }

    [Fact]
    public async Task Soft_deleted_id_cannot_be_reused()
    {
        var account = await api.NewAccountAsync();
        await account.CreateConferenceAsync(new JsonObject { ["id"] = "soft" });
        (await account.DeleteAsync("conferences/soft")).ExpectStatus(HttpStatusCode.OK);

        var answer = await account.PutAsync("conferences", new JsonObject { ["id"] = "soft" });

        answer.ExpectError(HttpStatusCode.Conflict, "datastore_conflict");
    }

    [Fact]
    public async Task Hard_delete_frees_the_id_for_a_new_conference()
    {
        var account = await api.NewAccountAsync();
        await account.CreateConferenceAsync(new JsonObject { ["id"] = "reusable", ["name"] = "First" });

        (await account.DeleteAsync("conferences/reusable?should_soft_delete=false")).ExpectStatus(HttpStatusCode.OK);
        var again = await account.CreateConferenceAsync(new JsonObject { ["id"] = "reusable", ["name"] = "Second" });

        Assert.Equal("reusable", again.DataObject["id"]!.GetValue<string>());
        Assert.Equal("Second", (await account.GetAsync("conferences/reusable")).DataObject["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_with_a_body_is_accepted()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();

        var answer = await account.SendAsync(HttpMethod.Delete, $"conferences/{id}", Body.Data(new JsonObject { ["ui_metadata"] = new JsonObject { ["ui"] = "monster" } }));

        answer.ExpectStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Deleted_conference_leaves_the_list()
    {
        var account = await api.NewAccountAsync();
        var keep = await account.CreateConferenceIdAsync();
        var drop = await account.CreateConferenceIdAsync();

        (await account.DeleteAsync($"conferences/{drop}")).ExpectStatus(HttpStatusCode.OK);

        Assert.Equal([keep], await account.ListIdsAsync());
    }
}
