namespace Conferences.Api.Tests.Actions;

/// <summary>Action requests as clients send them, and the participants they act on, read back through the API.</summary>
internal static class ActionRequests
{
    /// <summary>PUT <c>/conferences/{id}</c> with <c>{"action": action, "data": data}</c> (the PHP SDK's flat form).</summary>
    public static Task<Answer> ConferenceActionAsync(this TestAccount account, string conferenceId, string action, JsonObject? data = null) =>
        account.SendAsync(HttpMethod.Put, $"conferences/{Uri.EscapeDataString(conferenceId)}", Body.Data(data ?? [], new JsonObject { ["action"] = action }));

    /// <summary>PUT <c>…/participants</c> with <c>{"data": {"action": action, …}}</c> (Monster UI's form).</summary>
    public static Task<Answer> ParticipantsActionAsync(this TestAccount account, string conferenceId, string action, JsonObject? data = null) =>
        account.PutAsync($"conferences/{Uri.EscapeDataString(conferenceId)}/participants", WithAction(action, data));

    /// <summary>PUT <c>…/participants/{pid}</c> with <c>{"data": {"action": action, …}}</c>.</summary>
    public static Task<Answer> ParticipantActionAsync(this TestAccount account, string conferenceId, object participantId, string action, JsonObject? data = null) =>
        account.PutAsync($"conferences/{Uri.EscapeDataString(conferenceId)}/participants/{participantId}", WithAction(action, data));

    /// <summary>
    /// Dials <paramref name="members"/> members and <paramref name="moderators"/> moderators into the conference (the
    /// dial action; moderators with <c>participant_flags: ["is_moderator"]</c>) and waits until the participants GET
    /// shows them all.
    /// </summary>
    public static async Task<JsonArray> DialInAsync(this ApiFactory api, TestAccount account, string conferenceId, int members, int moderators = 0)
    {
        await api.MediaManagerKnownAsync();
        var before = await CountAsync(account, conferenceId);
        await DialAsync(account, conferenceId, members, moderator: false);
        await DialAsync(account, conferenceId, moderators, moderator: true);
        var answer = await LiveApi.ParticipantsUntilAsync(account, conferenceId, p => p.Count == before + members + moderators);
        return answer.DataArray;
    }

    /// <summary>A new account and a fresh ad-hoc conference (<paramref name="prefix"/>-…) that <see cref="DialInAsync"/> filled.</summary>
    public static async Task<(TestAccount Account, string Id, JsonArray Participants)> NewAdHocConferenceAsync(this ApiFactory api, string prefix, int members, int moderators = 0)
    {
        var account = await api.NewAccountAsync();
        var id = $"{prefix}-{Guid.NewGuid():N}";
        return (account, id, await api.DialInAsync(account, id, members, moderators));
    }

    /// <summary><see cref="DialInAsync"/>, answering the participant ids of the members and of the moderators, each in order.</summary>
    public static async Task<(long[] Members, long[] Moderators)> DialInIdsAsync(this ApiFactory api, TestAccount account, string conferenceId, int members, int moderators)
    {
        var everyone = await api.DialInAsync(account, conferenceId, members, moderators);
        return ([.. Members(everyone).Select(Id).Order()], [.. Moderators(everyone).Select(Id).Order()]);
    }

    /// <summary>The participants GET, polled until <paramref name="accept"/> holds.</summary>
    public static async Task<JsonArray> ParticipantsAsync(this TestAccount account, string conferenceId, Func<JsonArray, bool> accept) =>
        (await LiveApi.ParticipantsUntilAsync(account, conferenceId, accept)).DataArray;

    public static long Id(JsonNode? participant) => participant!["participant_id"]!.GetValue<long>();

    public static bool Flag(JsonNode? participant, string flag) => participant!["conference_channel_vars"]![flag]!.GetValue<bool>();

    public static JsonObject? Find(JsonArray participants, long id) => participants.OfType<JsonObject>().FirstOrDefault(p => Id(p) == id);

    public static IEnumerable<JsonObject> Members(JsonArray participants) => participants.OfType<JsonObject>().Where(p => !Flag(p, "is_moderator"));

    public static IEnumerable<JsonObject> Moderators(JsonArray participants) => participants.OfType<JsonObject>().Where(p => Flag(p, "is_moderator"));

    private static JsonObject WithAction(string action, JsonObject? data)
    {
        var body = data?.DeepClone().AsObject() ?? [];
        body["action"] = action;
        return body;
    }

    private static async Task DialAsync(TestAccount account, string conferenceId, int count, bool moderator)
    {
        if (count == 0)
        {
            return;
        }
        var data = DialRequests.Endpoints([.. Enumerable.Range(0, count).Select(_ => $"sip:{Guid.NewGuid():N}@example.com")]);
        if (moderator)
        {
            data["participant_flags"] = new JsonArray("is_moderator");
        }
        var answer = await account.DialAsync(conferenceId, data);
        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.All(answer.DataObject["endpoint_responses"]!.AsArray(), r => Assert.Equal("success", (string?)r!["status"]));
    }

    private static async Task<int> CountAsync(TestAccount account, string conferenceId)
    {
        var answer = await account.GetAsync($"conferences/{Uri.EscapeDataString(conferenceId)}/participants");
        return answer.Status == HttpStatusCode.OK ? answer.DataArray.Count : 0;
    }
}
