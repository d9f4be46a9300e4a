using Conferences.Api.Tests.KazooAuth;

namespace Conferences.Api.Tests.Clients;

/// <summary>
/// Monster UI's conference viewer (<c>src/apps/common/submodules/conferenceViewer</c>) against this service, as it
/// runs (docs/clients.md; docs/compatibility.md D6, D11, D12): it reads <c>conference.get</c>'s envelope <c>metadata</c> (<c>duration</c>,
/// <c>is_locked</c>) and <c>participantsList</c>'s nested <c>conference_channel_vars</c>; it subscribes over the
/// websocket with <c>conference.event.*.{conf}.*</c> and routes frames by <c>subscribed_key</c> and replies by
/// <c>request_id</c>; it adds people with <c>conference.action</c> <c>{"data":{"action":"dial","data":{…}}}</c>, acts on
/// one participant with <c>participantsAction</c>, on everyone with <c>participantsBulkAction</c>, and locks with
/// <c>conference.action</c>. Every SDK body carries <c>data.ui_metadata</c>.
/// </summary>
public sealed class MonsterConferenceViewerTests(KazooEmbeddedApiFactory api) : IClassFixture<KazooEmbeddedApiFactory>
{
    [Theory]
    [MemberData(nameof(KazooEmbeddedApiFactory.TokenKinds), MemberType = typeof(KazooEmbeddedApiFactory))]
    public async Task The_viewer_sees_and_steers_a_conference_live(string token)
    {
        var (account, sdk) = await MonsterSdk.SignInAsync(api, token);
        var conferences = $"accounts/{account.Id}/conferences";
        var conf = (await sdk.PutAsync(conferences, new JsonObject { ["name"] = "Weekly" })).ExpectStatus(HttpStatusCode.Created)
            .DataObject["id"]!.GetValue<string>();

        // the viewer opens: conference.get (metadata of an idle conference) and participantsList
        var idle = (await sdk.GetAsync($"{conferences}/{conf}")).ExpectStatus(HttpStatusCode.OK);
        Assert.Equal(0, idle.Json!["metadata"]!["duration"]!.GetValue<int>());
        Assert.False(idle.Json["metadata"]!["is_locked"]!.GetValue<bool>());
        Assert.Empty((await sdk.GetAsync($"{conferences}/{conf}/participants")).ExpectStatus(HttpStatusCode.OK).DataArray);

        // monster.socket.js subscribes with the viewer's binding; the reply echoes its request_id
        var binding = $"conference.event.*.{conf}.*";
        await using var socket = await BlackholeClient.ConnectAsync(api);
        var requestId = "monster-" + Guid.NewGuid().ToString("N");
        await socket.SendAsync(new JsonObject
        {
            ["action"] = "subscribe",
            ["auth_token"] = account.Token,
            ["request_id"] = requestId,
            ["data"] = new JsonObject { ["account_id"] = account.Id, ["binding"] = binding },
        });
        var subscribed = await socket.ReplyAsync(requestId);
        Assert.Equal("success", subscribed["status"]!.GetValue<string>());
        Assert.Equal(binding, subscribed["data"]!["subscribed"]![0]!.GetValue<string>());

        // "add participants": dial two endpoints, one as moderator, through conference.action
        var dialed = await sdk.PutAsync($"{conferences}/{conf}", new JsonObject
        {
            ["action"] = "dial",
            ["data"] = new JsonObject { ["endpoints"] = new JsonArray("sip:alice@example.com", "sip:bob@example.com"), ["caller_id_name"] = "Weekly" },
        });
        dialed.ExpectStatus(HttpStatusCode.Created);
        Assert.All(dialed.DataObject["endpoint_responses"]!.AsArray(), r => Assert.Equal("success", r!["status"]!.GetValue<string>()));
        var joins = await socket.EventsAsync(binding, "add-member", 2);
        Assert.All(joins, join => Assert.NotNull(join["data"]!["participant_id"]));

        // the viewer's view: metadata of a running conference, participants with nested channel vars
        var running = await Realtime.Eventually.MatchAsync(() => sdk.GetAsync($"{conferences}/{conf}"),
            a => a.Json?["metadata"]?["members"]?.GetValue<int>() == 2, what: "two members in metadata");
        Assert.False(running.Json!["metadata"]!["is_locked"]!.GetValue<bool>());
        var participants = (await sdk.GetAsync($"{conferences}/{conf}/participants")).ExpectStatus(HttpStatusCode.OK).DataArray;
        Assert.Equal(2, participants.Count);
        Assert.All(participants, p => Assert.True(p!["conference_channel_vars"]!["speak"]!.GetValue<bool>()));
        var alice = participants.First(p => p!["caller_id_name"]?.GetValue<string>() == "Weekly")!;
        var pid = alice["participant_id"]!.GetValue<long>();

        // mute one participant (participantsAction), then lock and unlock (conference.action)
        var muted = (await sdk.PutAsync($"{conferences}/{conf}/participants/{pid}", new JsonObject { ["action"] = "mute" })).ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("ok", muted.Data!.GetValue<string>());
        var muteFrame = Assert.Single(await socket.EventsAsync(binding, "mute-member", 1));
        Assert.Equal(pid, muteFrame["data"]!["participant_id"]!.GetValue<long>());
        Assert.False(muteFrame["data"]!["conference_channel_vars"]!["speak"]!.GetValue<bool>());

        (await sdk.PutAsync($"{conferences}/{conf}", new JsonObject { ["action"] = "lock" })).ExpectStatus(HttpStatusCode.Created);
        await socket.EventsAsync(binding, "lock", 1);
        await Realtime.Eventually.MatchAsync(() => sdk.GetAsync($"{conferences}/{conf}"),
            a => a.Json?["metadata"]?["is_locked"]?.GetValue<bool>() == true, what: "locked in metadata");
        (await sdk.PutAsync($"{conferences}/{conf}", new JsonObject { ["action"] = "unlock" })).ExpectStatus(HttpStatusCode.Created);
        await socket.EventsAsync(binding, "unlock", 1);

        // "kick everyone" (participantsBulkAction): the answer is the conference document, the frames say who left
        var kicked = (await sdk.PutAsync($"{conferences}/{conf}/participants", new JsonObject { ["action"] = "kick" })).ExpectStatus(HttpStatusCode.Created);
        Assert.Equal(conf, kicked.DataObject["id"]!.GetValue<string>());
        await socket.EventsAsync(binding, "del-member", 2);
        await Realtime.Eventually.MatchAsync(() => sdk.GetAsync($"{conferences}/{conf}"),
            a => a.Json?["metadata"]?["participant_count"]?.GetValue<int>() == 0 && a.DataObject["_read_only"]?["uuid"] is null,
            what: "the conference idle again");
    }
}
