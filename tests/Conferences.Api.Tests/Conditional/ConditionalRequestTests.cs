namespace Conferences.Api.Tests.Conditional;

/// <summary>ETag, If-Match and If-None-Match (<c>api_resource:generate_etag/2</c>, cowboy_rest).</summary>
public abstract class ConditionalRequestTests(ApiFactory api)
{
    private const string StaleRevision = "\"1-00000000000000000000000000000000\"";

    [Fact]
    public async Task Get_answers_the_revision_as_a_quoted_etag()
    {
        var account = await api.NewAccountAsync();
        var created = await account.CreateConferenceAsync();
        var id = created.DataObject["id"]!.GetValue<string>();

        var answer = (await account.GetAsync($"conferences/{id}")).ExpectStatus(HttpStatusCode.OK);

        var revision = answer.Json!["revision"]!.GetValue<string>();
        Assert.Equal(created.Json!["revision"]!.GetValue<string>(), revision);
        Assert.Equal($"\"{revision}\"", answer.Header("ETag"));
    }

    [Fact]
    public async Task Get_with_if_none_match_equal_to_the_etag_is_304()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();
        var etag = (await account.GetAsync($"conferences/{id}")).Header("ETag")!;

        var answer = await account.GetAsync($"conferences/{id}", r => r.Headers.TryAddWithoutValidation("If-None-Match", etag));

        answer.ExpectStatus(HttpStatusCode.NotModified);
        Assert.Equal(string.Empty, answer.Body);
    }

    [Fact]
    public async Task Get_with_an_other_if_none_match_is_200()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();

        var answer = await account.GetAsync($"conferences/{id}", r => r.Headers.TryAddWithoutValidation("If-None-Match", StaleRevision));

        answer.ExpectStatus(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task Write_with_a_stale_if_match_is_412_and_changes_nothing(string method)
    {
        var account = await api.NewAccountAsync();
        var created = await account.CreateConferenceAsync(new JsonObject { ["name"] = "Original" });
        var id = created.DataObject["id"]!.GetValue<string>();
        var revision = created.Json!["revision"]!.GetValue<string>();

        var answer = await account.SendAsync(new HttpMethod(method), $"conferences/{id}", Body.Data(new JsonObject { ["name"] = "Changed" }),
            r => r.Headers.TryAddWithoutValidation("If-Match", StaleRevision));

        answer.ExpectStatus(HttpStatusCode.PreconditionFailed);
        Assert.Equal("error", answer.Json!["status"]!.GetValue<string>());
        Assert.Equal("412", answer.Json!["error"]!.GetValue<string>());
        var after = (await account.GetAsync($"conferences/{id}")).ExpectStatus(HttpStatusCode.OK);
        Assert.Equal("Original", after.DataObject["name"]!.GetValue<string>());
        Assert.Equal(revision, after.Json!["revision"]!.GetValue<string>());
    }

    [Fact]
    public async Task Write_with_the_current_if_match_succeeds()
    {
        var account = await api.NewAccountAsync();
        var created = await account.CreateConferenceAsync();
        var id = created.DataObject["id"]!.GetValue<string>();
        var etag = $"\"{created.Json!["revision"]!.GetValue<string>()}\"";

        var answer = await account.PatchAsync($"conferences/{id}", new JsonObject { ["name"] = "Locked" }, r => r.Headers.TryAddWithoutValidation("If-Match", etag));

        answer.ExpectStatus(HttpStatusCode.OK);
        Assert.NotEqual(created.Json!["revision"]!.GetValue<string>(), answer.Json!["revision"]!.GetValue<string>());
    }

    [Fact]
    public async Task Put_with_any_if_match_is_412()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.PutAsync("conferences", new JsonObject { ["name"] = "x" }, r => r.Headers.TryAddWithoutValidation("If-Match", "*"));

        answer.ExpectStatus(HttpStatusCode.PreconditionFailed);
        Assert.Empty(await account.ListIdsAsync());
    }
}
