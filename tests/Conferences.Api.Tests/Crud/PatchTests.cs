namespace Conferences.Api.Tests.Crud;

/// <summary>PATCH <c>/conferences/{id}</c>: deep merge (<c>cb_conferences:patch/2</c>, crossbar_doc_tests).</summary>
public abstract class PatchTests(ApiFactory api)
{
    [Fact]
    public async Task Patch_merges_nested_objects_and_keeps_untouched_keys()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync(new JsonObject
        {
            ["name"] = "Kept",
            ["member"] = new JsonObject { ["pins"] = new JsonArray("1111"), ["join_muted"] = false },
        });

        var data = (await account.PatchAsync($"conferences/{id}", new JsonObject { ["member"] = new JsonObject { ["join_deaf"] = true } }))
            .ExpectStatus(HttpStatusCode.OK).DataObject;

        Assert.Equal("Kept", data["name"]!.GetValue<string>());
        Assert.True(data["member"]!["join_deaf"]!.GetValue<bool>());
        Assert.False(data["member"]!["join_muted"]!.GetValue<bool>());
        Assert.Equal("[\"1111\"]", data["member"]!["pins"]!.ToJsonString());
    }

    [Fact]
    public async Task Patch_null_removes_the_key()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync(new JsonObject { ["name"] = "x", ["custom"] = "value", ["nested"] = new JsonObject { ["a"] = 1, ["b"] = 2 } });

        var data = (await account.PatchAsync($"conferences/{id}", new JsonObject { ["custom"] = null, ["nested"] = new JsonObject { ["a"] = null } }))
            .ExpectStatus(HttpStatusCode.OK).DataObject;

        Assert.False(data.ContainsKey("custom"));
        Assert.Equal("""{"b":2}""", data["nested"]!.ToJsonString());
        var fetched = (await account.GetAsync($"conferences/{id}")).DataObject;
        Assert.False(fetched.ContainsKey("custom"));
    }

    [Fact]
    public async Task Patch_with_an_empty_object_replaces_the_object()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync(new JsonObject { ["ui_metadata"] = new JsonObject { ["a"] = 1, ["b"] = 2 } });

        var data = (await account.PatchAsync($"conferences/{id}", new JsonObject { ["ui_metadata"] = new JsonObject() }))
            .ExpectStatus(HttpStatusCode.OK).DataObject;

        Assert.Equal("{}", data["ui_metadata"]!.ToJsonString());
    }

    [Fact]
    public async Task Patch_replaces_arrays_wholesale()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync(new JsonObject { ["conference_numbers"] = new JsonArray("5550001", "5550002") });

        var data = (await account.PatchAsync($"conferences/{id}", new JsonObject { ["conference_numbers"] = new JsonArray("5550003") }))
            .ExpectStatus(HttpStatusCode.OK).DataObject;

        Assert.Equal("[\"5550003\"]", data["conference_numbers"]!.ToJsonString());
    }

    [Fact]
    public async Task Patch_revalidates_the_merged_document()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync(new JsonObject { ["name"] = "ok" });

        var answer = await account.PatchAsync($"conferences/{id}", new JsonObject { ["member"] = new JsonObject { ["join_muted"] = "not a boolean" } });

        answer.ExpectValidationError("member.join_muted", "type");
        Assert.True((await account.GetAsync($"conferences/{id}")).DataObject["member"]!["join_muted"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Patch_of_an_unknown_conference_is_404()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.PatchAsync("conferences/missing", new JsonObject { ["name"] = "x" });

        answer.ExpectError(HttpStatusCode.NotFound, "bad_identifier");
        Assert.Empty(await account.ListIdsAsync());
    }
}
