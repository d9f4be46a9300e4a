namespace Conferences.Api.Tests.Dial;

/// <summary>The action dispatch of PUT <c>/conferences/{id}</c> (<c>cb_conferences:handle_conference_action/3</c>).</summary>
public sealed class ConferenceActionTests(DialApiFactory api) : IClassFixture<DialApiFactory>
{
    [Theory]
    [InlineData("""{"data":{}}""")]
    [InlineData("""{"action":"explode","data":{}}""")]
    [InlineData("""{"data":{"action":"explode"}}""")]
    [InlineData("""{"action":5,"data":{"action":"dial","endpoints":["1000"]}}""")]
    public async Task A_missing_or_unknown_action_is_404_faulty_request(string body)
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();

        var answer = await account.SendAsync(HttpMethod.Put, $"conferences/{id}", Body.Json(body));

        answer.ExpectError(HttpStatusCode.NotFound, "faulty_request");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"message":"faulty request"}"""), answer.Data));
    }

    [Fact]
    public async Task An_empty_body_names_no_action()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences/any-room");

        answer.ExpectError(HttpStatusCode.NotFound, "faulty_request");
    }

    [Fact]
    public async Task The_action_may_come_in_data()
    {
        await api.MediaManagerKnownAsync();
        var account = await api.NewAccountAsync();
        var data = DialRequests.Endpoints("sip:frank@example.com");
        data["action"] = "dial";

        var answer = await account.PutAsync($"conferences/in-data-{Guid.NewGuid():N}", data);

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("success", (string?)answer.ResponseFor("sip:frank@example.com")["status"]);
    }

    [Fact]
    public async Task An_action_put_with_if_match_is_412()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences/any-room",
            Body.Data(DialRequests.Endpoints("1000"), new JsonObject { ["action"] = "dial" }),
            request => request.Headers.TryAddWithoutValidation("If-Match", "\"1-abc\""));

        answer.ExpectError(HttpStatusCode.PreconditionFailed, "precondition_failed");
    }

    [Fact]
    public async Task Other_verbs_on_a_conference_still_answer_as_before()
    {
        var account = await api.NewAccountAsync();

        var head = await account.SendAsync(HttpMethod.Head, "conferences/any-room");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, head.Status);
    }

    [Fact]
    public async Task Actions_need_credentials()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences/any-room",
            Body.Data(DialRequests.Endpoints("1000"), new JsonObject { ["action"] = "dial" }), withToken: false);

        answer.ExpectError(HttpStatusCode.Unauthorized, "invalid_credentials");
    }
}
