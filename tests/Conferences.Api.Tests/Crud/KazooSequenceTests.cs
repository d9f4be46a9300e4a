namespace Conferences.Api.Tests.Crud;

/// <summary>Kazoo's own black-box sequence for conferences (<c>pqc_cb_conferences:seq/0</c>).</summary>
public abstract class KazooSequenceTests(ApiFactory api)
{
    [Fact]
    public async Task Empty_list_then_create_patch_list_delete_and_empty_list_again()
    {
        var account = await api.NewAccountAsync();

        var empty = await account.ListAsync();
        Assert.Empty(empty.DataArray);

        var created = await account.CreateConferenceAsync();
        Assert.Equal("application/json", created.Header("Content-Type"));
        var id = created.DataObject["id"]!.GetValue<string>();

        var patched = (await account.PatchAsync($"conferences/{id}", new JsonObject { ["custom"] = "value" })).ExpectStatus(HttpStatusCode.OK);
        Assert.Equal("value", patched.DataObject["custom"]!.GetValue<string>());

        var listed = await account.ListAsync();
        var only = Assert.Single(listed.DataArray);
        Assert.Equal(id, only!["id"]!.GetValue<string>());

        (await account.DeleteAsync($"conferences/{id}")).ExpectStatus(HttpStatusCode.OK);

        Assert.Empty((await account.ListAsync()).DataArray);
    }
}
