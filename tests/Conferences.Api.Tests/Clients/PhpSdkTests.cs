namespace Conferences.Api.Tests.Clients;

/// <summary>
/// 2600Hz's PHP SDK (kazoo-php-sdk, docs/clients.md): it creates with <c>PUT …/conferences/</c> (trailing slash), saves by
/// PATCHing the whole document it holds, and sends dial flat — <c>{"action":"dial","data":{"endpoints":[…]}}</c>.
/// </summary>
public sealed class PhpSdkTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Create_with_a_trailing_slash_then_patch_the_whole_document()
    {
        var account = await api.NewAccountAsync();

        var created = (await account.PutAsync("conferences/", new JsonObject { ["name"] = "Board", ["conference_numbers"] = new JsonArray("5550123") }))
            .ExpectStatus(HttpStatusCode.Created);
        var document = created.DataObject;
        var id = document["id"]!.GetValue<string>();

        document["name"] = "Board room";
        document["moderator"]!["pins"] = new JsonArray("9999");
        var patched = (await account.PatchAsync($"conferences/{id}/", document)).ExpectStatus(HttpStatusCode.OK);
        Assert.Equal("Board room", patched.DataObject["name"]!.GetValue<string>());
        Assert.Equal("9999", patched.DataObject["moderator"]!["pins"]![0]!.GetValue<string>());
        Assert.Equal("5550123", patched.DataObject["conference_numbers"]![0]!.GetValue<string>());

        var read = (await account.GetAsync($"conferences/{id}/")).ExpectStatus(HttpStatusCode.OK);
        Assert.Equal("Board room", read.DataObject["name"]!.GetValue<string>());
        var listed = (await account.GetAsync("conferences/")).ExpectStatus(HttpStatusCode.OK);
        Assert.Contains(listed.DataArray, c => c!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task Flat_dial_puts_the_endpoints_in_the_conference()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync(new JsonObject { ["name"] = "Dial-out" });

        var answer = await account.SendAsync(HttpMethod.Put, $"conferences/{id}",
            Body.Data(new JsonObject { ["endpoints"] = new JsonArray("sip:php-sdk@example.com"), ["timeout"] = 5 }, new JsonObject { ["action"] = "dial" }));

        answer.ExpectStatus(HttpStatusCode.Created);
        var response = Assert.Single(answer.DataObject["endpoint_responses"]!.AsArray())!;
        Assert.Equal("success", response["status"]!.GetValue<string>());
        Assert.Equal("sip:php-sdk@example.com", response["endpoint_id"]!.GetValue<string>());
    }
}
