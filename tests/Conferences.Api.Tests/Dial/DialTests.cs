namespace Conferences.Api.Tests.Dial;

/// <summary>
/// PUT <c>/conferences/{id}</c> with <c>action: dial</c> on the embedded default, against the built-in simulator
/// (<c>cb_conferences:dial/3</c>; docs/compatibility.md D2).
/// </summary>
public sealed class DialTests(DialApiFactory api) : IClassFixture<DialApiFactory>
{
    [Fact]
    public async Task Dialling_sip_endpoints_answers_201_with_their_call_ids_and_they_join_the_conference()
    {
        await api.MediaManagerKnownAsync();
        var account = await api.NewAccountAsync();
        var created = await account.CreateConferenceAsync(new JsonObject { ["name"] = "Weekly sales" });
        var id = (string)created.DataObject["id"]!;

        var data = DialRequests.Endpoints("sip:alice@example.com", "sip:bob@example.com");
        data["participant_flags"] = new JsonArray("is_moderator");
        var answer = await account.DialAsync(id, data);

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("success", (string?)answer.Json!["status"]);
        Assert.Equal((string?)created.Json!["revision"], (string?)answer.Json["revision"]);
        Assert.Equal($"/v2/accounts/{account.Id}/conferences/{id}/{id}", answer.Header("Location"));
        var responses = answer.DataObject["endpoint_responses"]!.AsArray();
        Assert.Equal(2, responses.Count);
        var alice = answer.ResponseFor("sip:alice@example.com");
        var bob = answer.ResponseFor("sip:bob@example.com");
        foreach (var item in new[] { alice, bob })
        {
            Assert.Equal("success", (string?)item["status"]);
            Assert.Equal("dialing endpoints", (string?)item["message"]);
            Assert.False(string.IsNullOrEmpty((string?)item["call_id"]));
        }

        var conference = await api.ConferenceWithAsync(id, 2);
        Assert.NotNull(conference);
        Assert.Equal(account.Id, conference.Conference.AccountId);
        Assert.Equal(
            new[] { (string)alice["call_id"]!, (string)bob["call_id"]! }.Order(StringComparer.Ordinal),
            conference.Participants.Select(p => p.CallId).Order(StringComparer.Ordinal));
        Assert.All(conference.Participants, p =>
        {
            Assert.True(p.ChannelVars.IsModerator);
            Assert.Equal("Weekly sales", p.CallerIdName);
        });
    }

    [Fact]
    public async Task Busy_unanswered_and_failing_endpoints_give_their_reasons()
    {
        await api.MediaManagerKnownAsync();
        var account = await api.NewAccountAsync();
        var id = $"room-{Guid.NewGuid():N}";

        var answer = await account.DialAsync(id, DialRequests.Endpoints("sip:busy@example.com", "sip:noanswer@example.com", "sip:fail@example.com", "sip:carol@example.com"));

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal(4, answer.DataObject["endpoint_responses"]!.AsArray().Count);
        AssertError(answer.ResponseFor("sip:busy@example.com"), "USER_BUSY");
        AssertError(answer.ResponseFor("sip:noanswer@example.com"), "timeout");
        AssertError(answer.ResponseFor("sip:fail@example.com"), "unknown failure");
        Assert.Equal("success", (string?)answer.ResponseFor("sip:carol@example.com")["status"]);
        var conference = await api.ConferenceWithAsync(id, 1);
        Assert.Equal((string?)answer.ResponseFor("sip:carol@example.com")["call_id"], Assert.Single(conference!.Participants).CallId);
    }

    [Fact]
    public async Task Dial_on_an_id_nobody_stored_starts_an_ad_hoc_conference()
    {
        await api.MediaManagerKnownAsync();
        var account = await api.NewAccountAsync();
        var id = $"pop-up-{Guid.NewGuid():N}";
        var data = DialRequests.Endpoints("sip:dave@example.com");
        data["name"] = "Pop-up";

        var answer = await account.DialAsync(id, data);

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.False(answer.Json!.ContainsKey("revision"));
        Assert.Equal("success", (string?)answer.ResponseFor("sip:dave@example.com")["status"]);
        var conference = await api.ConferenceWithAsync(id, 1);
        Assert.Equal("Pop-up", Assert.Single(conference!.Participants).CallerIdName);
    }

    [Fact]
    public async Task The_nested_form_with_data_data_dials_too()
    {
        await api.MediaManagerKnownAsync();
        var account = await api.NewAccountAsync();
        var id = $"nested-{Guid.NewGuid():N}";

        var answer = await account.PutAsync($"conferences/{id}", new JsonObject
        {
            ["action"] = "dial",
            ["data"] = DialRequests.Endpoints("sip:erin@example.com"),
        });

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("success", (string?)answer.ResponseFor("sip:erin@example.com")["status"]);
    }

    [Fact]
    public async Task A_device_document_of_the_account_is_dialled_by_its_id()
    {
        await api.MediaManagerKnownAsync();
        var account = await api.NewAccountAsync();
        var deviceId = KazooIds.NewId();
        var store = api.Services.GetRequiredService<IDocumentStore>();
        await store.SaveAsync(AccountDatabase.Encoded(account.Id), new JsonObject
        {
            ["_id"] = deviceId,
            ["name"] = "desk phone",
            ["device_type"] = "sip_device",
            ["sip"] = new JsonObject { ["username"] = "desk100", ["password"] = "secret" },
            ["pvt_type"] = "device",
            ["pvt_account_id"] = account.Id,
        }, CancellationToken.None);
        var id = $"devices-{Guid.NewGuid():N}";

        var answer = await account.DialAsync(id, DialRequests.Endpoints(deviceId), query: "?ticket=42&auth_token=" + account.Token);

        answer.ExpectStatus(HttpStatusCode.Created);
        var item = answer.ResponseFor(deviceId);
        Assert.Equal("success", (string?)item["status"]);
        var participant = Assert.Single((await api.ConferenceWithAsync(id, 1))!.Participants);
        Assert.Equal(deviceId, (string?)participant.CustomChannelVars["Authorizing-ID"]);
        Assert.Equal("42", (string?)participant.CustomApplicationVars["ticket"]);
        Assert.False(participant.CustomApplicationVars.ContainsKey("auth_token"));
    }

    [Fact]
    public async Task A_dial_timeout_that_outlasts_the_unanswered_leg_is_still_answered()
    {
        await api.MediaManagerKnownAsync();
        var account = await api.NewAccountAsync();
        var data = DialRequests.Endpoints("sip:noanswer@example.com");
        data["timeout"] = 3;

        var answer = await account.DialAsync($"slow-{Guid.NewGuid():N}", data);

        answer.ExpectStatus(HttpStatusCode.Created);
        AssertError(answer.ResponseFor("sip:noanswer@example.com"), "timeout");
    }

    private static void AssertError(JsonObject item, string reason)
    {
        Assert.Equal("error", (string?)item["status"]);
        Assert.Equal(reason, (string?)item["message"]);
        Assert.False(item.ContainsKey("call_id"));
    }
}
