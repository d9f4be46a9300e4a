using System.Text.Json;
using Conferences.Tests.Amqp;
using RabbitMQ.Client;
using static Conferences.Api.Tests.Actions.ActionRequests;

namespace Conferences.Api.Tests.Actions;

/// <summary>
/// The actions on RabbitMQ (<c>Messaging:Provider=rabbitmq</c>, the simulator hosted beside the API on the test
/// broker): a plain AMQP consumer bound to <c>conference.command.{conf}</c>, as a websocket binding or another Kazoo
/// node would be, sees exactly the commands crossbar sends (<c>kapps_conference_command</c>: <c>Application-Name</c>,
/// <c>Conference-ID</c>, <c>Participant-ID</c> a string for bulk actions and an integer for single ones), and the
/// state they lead to comes back through GET.
/// </summary>
public sealed class RabbitMqActionWireTests(RabbitMqDialTests.SimulatorOnRabbitMq api) : IClassFixture<RabbitMqDialTests.SimulatorOnRabbitMq>
{
    [Fact]
    public async Task Conference_actions_publish_kazoos_commands()
    {
        var (account, id, _) = await api.NewAdHocConferenceAsync("wire", members: 1);
        await using var raw = await RawAmqp.ConnectAsync(TestServers.Broker);
        var inbox = await raw.ListenAsync("conference", ExchangeType.Topic, KapiRoutingKeys.Command(id));

        (await account.ConferenceActionAsync(id, "lock")).ExpectStatus(HttpStatusCode.Created);
        var lockCommand = await CommandAsync(inbox, id, "lock");
        await LiveApi.GetUntilAsync(account, id, r => r["is_locked"]!.GetValue<bool>());
        (await account.ConferenceActionAsync(id, "unlock")).ExpectStatus(HttpStatusCode.Created);
        await CommandAsync(inbox, id, "unlock");
        await LiveApi.GetUntilAsync(account, id, r => !r["is_locked"]!.GetValue<bool>());
        (await account.ConferenceActionAsync(id, "play", new JsonObject { ["media_id"] = "welcome" })).ExpectStatus(HttpStatusCode.Created);
        var play = await CommandAsync(inbox, id, "play");
        var start = (await account.ConferenceActionAsync(id, "record", new JsonObject { ["action"] = "start" })).ExpectStatus(HttpStatusCode.Created);
        var record = await CommandAsync(inbox, id, "record");
        (await account.ConferenceActionAsync(id, "record", new JsonObject { ["action"] = "stop" })).ExpectStatus(HttpStatusCode.Created);
        var recordStop = await CommandAsync(inbox, id, "recordstop");

        Assert.Equal("conference", lockCommand.Exchange);
        Assert.Equal("application/json", lockCommand.ContentType);
        var message = lockCommand;
        Assert.Equal("conference", message.Str("Event-Category"));
        Assert.Equal("command", message.Str("Event-Name"));
        Assert.Equal("kapps_conference", message.Str("App-Name"));
        Assert.Equal("1.0.0", message.Str("App-Version"));
        Assert.False(string.IsNullOrEmpty(message.Str("Msg-ID")));
        Assert.StartsWith("crossbar@", message.Str("Node"), StringComparison.Ordinal);
        Assert.Null(message.Json["Server-ID"]);
        Assert.Equal($"/{account.Id}/welcome", play.Str("Media-Name"));
        Assert.Null(play.Json["Participant-ID"]);
        var name = (string?)start.Json!["metadata"]!["media_name"];
        Assert.Equal(name, record.Str("Media-Name"));
        Assert.Equal(name, recordStop.Str("Media-Name"));
    }

    [Fact]
    public async Task Participant_actions_publish_string_ids_in_bulk_and_integer_ids_singly()
    {
        var account = await api.NewAccountAsync();
        var id = $"wire-participants-{Guid.NewGuid():N}";
        var (members, moderators) = await api.DialInIdsAsync(account, id, members: 2, moderators: 1);
        var moderator = Assert.Single(moderators);
        await using var raw = await RawAmqp.ConnectAsync(TestServers.Broker);
        var inbox = await raw.ListenAsync("conference", ExchangeType.Topic, KapiRoutingKeys.Command(id));

        // bulk mute: one mute_participant per member, Participant-ID a string; the moderator is left alone
        (await account.ParticipantsActionAsync(id, "mute")).ExpectStatus(HttpStatusCode.Created);
        var mutes = new[] { await CommandAsync(inbox, id, "mute_participant"), await CommandAsync(inbox, id, "mute_participant") };
        Assert.All(mutes, m => Assert.Equal(JsonValueKind.String, m.Json["Participant-ID"]!.GetValueKind()));
        Assert.Equal(members.Select(m => $"{m}"), mutes.Select(m => m.Str("Participant-ID")!).Order(StringComparer.Ordinal));
        await account.ParticipantsAsync(id, p => members.All(m => !Flag(Find(p, m), "speak")) && Flag(Find(p, moderator), "speak"));

        // single unmute: Participant-ID an integer
        (await account.ParticipantActionAsync(id, members[0], "unmute")).ExpectStatus(HttpStatusCode.Created);
        var unmute = await CommandAsync(inbox, id, "unmute_participant");
        Assert.Equal(JsonValueKind.Number, unmute.Json["Participant-ID"]!.GetValueKind());
        Assert.Equal(members[0], unmute.Json["Participant-ID"]!.GetValue<long>());
        await account.ParticipantsAsync(id, p => Flag(Find(p, members[0]), "speak"));

        // single play: crossbar sends the path token, a string
        (await account.ParticipantActionAsync(id, members[1], "play", new JsonObject { ["data"] = new JsonObject { ["media_id"] = "beep" } })).ExpectStatus(HttpStatusCode.Created);
        var play = await CommandAsync(inbox, id, "play");
        Assert.Equal($"{members[1]}", play.Str("Participant-ID"));
        Assert.Equal($"/{account.Id}/beep", play.Str("Media-Name"));

        // relate: integers and the relationship
        (await account.ParticipantsActionAsync(id, "relate", new JsonObject { ["participant_id"] = $"{members[0]}", ["other_participant"] = members[1], ["relationship"] = "deaf" })).ExpectStatus(HttpStatusCode.Created);
        var relate = await CommandAsync(inbox, id, "relate_participants");
        Assert.Equal(members[0], relate.Json["Participant-ID"]!.GetValue<long>());
        Assert.Equal(members[1], relate.Json["Other-Participant"]!.GetValue<long>());
        Assert.Equal("deaf", relate.Str("Relationship"));

        // single kick (integer), then bulk kick (strings, everyone left, the moderator included)
        (await account.ParticipantActionAsync(id, members[0], "kick")).ExpectStatus(HttpStatusCode.Created);
        var kick = await CommandAsync(inbox, id, "kick");
        Assert.Equal(JsonValueKind.Number, kick.Json["Participant-ID"]!.GetValueKind());
        await account.ParticipantsAsync(id, p => p.Count == 2);
        (await account.ParticipantsActionAsync(id, "kick")).ExpectStatus(HttpStatusCode.Created);
        var kicks = new[] { await CommandAsync(inbox, id, "kick"), await CommandAsync(inbox, id, "kick") };
        Assert.Equal(new[] { $"{members[1]}", $"{moderator}" }.Order(StringComparer.Ordinal), kicks.Select(k => k.Str("Participant-ID")!).Order(StringComparer.Ordinal));
        await Eventually.MatchAsync(() => account.GetAsync($"conferences/{id}"), a => a.Status == HttpStatusCode.NotFound, what: "the conference to end");
    }

    /// <summary>The next command <paramref name="application"/> for the conference, checked against its kapi definition.</summary>
    private static async Task<RawMessage> CommandAsync(RawInbox inbox, string conferenceId, string application)
    {
        var message = await inbox.WaitForAsync(m => m.Str("Application-Name") == application, $"{application} command");
        Assert.Equal(KapiRoutingKeys.Command(conferenceId), message.RoutingKey);
        Assert.Equal(conferenceId, message.Str("Conference-ID"));
        var definition = KapiConference.FindCommand(application)!;
        Assert.Empty(KapiMessage.Validate(definition, message.Json));
        return message;
    }
}
