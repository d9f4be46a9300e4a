using static Conferences.MediaServer.Tests.Wire;
using E = Conferences.Core.Kapi.KapiConferenceEvents;

namespace Conferences.MediaServer.Tests;

/// <summary>Commands on <c>conference.command.{conf}</c>: state changes and events (<c>ecallmgr_fs_conference_stream.erl</c>, <c>ecallmgr_conference_command.erl</c>).</summary>
public sealed class CommandTests
{
    [Fact]
    public async Task Lock_and_unlock_change_the_conference_and_publish_conference_events()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var conf = KazooIds.NewId();
        await sim.JoinAsync(conf, "alice");
        await sim.EventAsync(E.AddMember);

        await sim.CommandAsync(conf, "lock");
        var locked = await sim.EventAsync(E.Lock);
        Assert.Equal($"conference.event.lock.{sim.AccountId}.{conf}.{conf}", locked.RoutingKey);
        Assert.False(locked.Message.ContainsKey(KapiHeaders.CallId));
        Assert.True((await sim.SearchConferenceAsync(conf))[KapiKeys.Locked]!.GetValue<bool>());

        await sim.CommandAsync(conf, "unlock");
        var unlocked = await sim.EventAsync(E.Unlock);
        Assert.Equal($"conference.event.unlock.{sim.AccountId}.{conf}.{conf}", unlocked.RoutingKey);
        Assert.False((await sim.SearchConferenceAsync(conf))[KapiKeys.Locked]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("mute_participant", E.MuteMember, "Speak", false)]
    [InlineData("unmute_participant", E.UnmuteMember, "Speak", true)]
    [InlineData("deaf_participant", E.DeafMember, "Hear", false)]
    [InlineData("undeaf_participant", E.UndeafMember, "Hear", true)]
    public async Task Member_commands_change_the_member_and_publish_its_event(string command, string eventName, string channelVar, bool value)
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var conf = KazooIds.NewId();
        var dial = sim.Dial(conf, sim.SipEndpoint("sip:alice@example.com"));
        dial[KapiKeys.ParticipantFlags] = value ? new JsonArray("mute", "deaf") : new JsonArray();
        await sim.DialAsync(dial);
        var joined = await sim.EventAsync(E.AddMember);
        var (callId, memberId) = (Str(joined.Message, KapiHeaders.CallId)!, Long(joined.Message, KapiKeys.ParticipantId)!.Value);

        await sim.CommandAsync(conf, command, new JsonObject { [KapiKeys.ParticipantId] = memberId });

        var changed = await sim.Events.NextAsync();
        Assert.Equal($"conference.event.{eventName}.{sim.AccountId}.{conf}.{callId}", changed.RoutingKey);
        Assert.Equal(memberId, Long(changed.Message, KapiKeys.ParticipantId));
        Assert.Equal(value, Var(changed.Message, channelVar));
        Assert.Equal(Obj(joined.Message, KapiKeys.CustomChannelVars).ToJsonString(), Obj(changed.Message, KapiKeys.CustomChannelVars).ToJsonString());
        Assert.Equal(Str(joined.Message, KapiKeys.ChannelPresenceId), Str(changed.Message, KapiKeys.ChannelPresenceId));
        var participant = Items(await sim.SearchConferenceAsync(conf), KapiKeys.Participants).Single();
        Assert.Equal(value, participant[KapiKeys.ConferenceChannelVars]![channelVar]!.GetValue<bool>());
    }

    [Fact]
    public async Task Participant_id_is_accepted_as_a_numeric_string_and_a_repeated_mute_still_publishes()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var conf = KazooIds.NewId();
        await sim.JoinAsync(conf, "alice");
        var memberId = Long((await sim.EventAsync(E.AddMember)).Message, KapiKeys.ParticipantId)!.Value;

        await sim.CommandAsync(conf, "mute_participant", new JsonObject { [KapiKeys.ParticipantId] = memberId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await sim.CommandAsync(conf, "mute_participant", new JsonObject { [KapiKeys.ParticipantId] = memberId });

        var events = await sim.Events.TakeAsync(2);
        Assert.All(events, e => Assert.Equal(E.MuteMember, EventName(e.Message)));
        Assert.All(events, e => Assert.False(Var(e.Message, KapiKeys.Speak)));
    }

    [Fact]
    public async Task Play_relate_record_and_friends_are_executed_without_events()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var conf = KazooIds.NewId();
        await sim.JoinAsync(conf, "alice", "bob");
        var members = (await sim.Events.TakeAsync(3)).Where(e => EventName(e.Message) == E.AddMember).Select(e => Long(e.Message, KapiKeys.ParticipantId)!.Value).ToList();

        await sim.CommandAsync(conf, "play", new JsonObject { [KapiKeys.MediaName] = $"/{sim.AccountId}/welcome" });
        await sim.CommandAsync(conf, "play", new JsonObject { [KapiKeys.MediaName] = "tone_stream://%(200,0,500)", [KapiKeys.ParticipantId] = members[0] });
        await sim.CommandAsync(conf, "relate_participants", new JsonObject
        {
            [KapiKeys.ParticipantId] = members[0],
            [KapiKeys.OtherParticipant] = members[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            [KapiKeys.Relationship] = "mute",
        });
        await sim.CommandAsync(conf, "record", new JsonObject { [KapiKeys.MediaName] = "recording.mp3" });
        await sim.CommandAsync(conf, "recordstop", new JsonObject { [KapiKeys.MediaName] = "recording.mp3" });
        await sim.CommandAsync(conf, "stop_play", new JsonObject { [KapiKeys.Affects] = "all" });
        await sim.CommandAsync(conf, "participant_energy", new JsonObject { [KapiKeys.ParticipantId] = members[1], [KapiKeys.EnergyLevel] = 300 });
        await sim.CommandAsync(conf, "participant_volume_in", new JsonObject { [KapiKeys.ParticipantId] = members[1], [KapiKeys.VolumeInLevel] = 2 });
        await sim.CommandAsync(conf, "set", new JsonObject { [KapiKeys.Parameter] = "Max-Members", [KapiKeys.Value] = "10" });
        await sim.CommandAsync(conf, "lock");

        // commands of a conference are handled in order: the lock event is the first event after them
        Assert.Equal(E.Lock, EventName((await sim.Events.NextAsync()).Message));
        var participants = Items(await sim.SearchConferenceAsync(conf), KapiKeys.Participants);
        Assert.All(participants, p => Assert.Equal(20, p[KapiKeys.ConferenceChannelVars]![KapiKeys.EnergyLevel]!.GetValue<int>()));
    }

    [Fact]
    public async Task Invalid_unknown_misdirected_and_unmatched_commands_are_dropped()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var conf = KazooIds.NewId();
        await sim.JoinAsync(conf, "alice");
        var memberId = Long((await sim.EventAsync(E.AddMember)).Message, KapiKeys.ParticipantId)!.Value;
        sim.Events.Drain();
        JsonObject Command(string application, JsonObject? extra = null)
        {
            var message = new JsonObject
            {
                [KapiHeaders.EventCategory] = "conference",
                [KapiHeaders.EventName] = "command",
                [KapiHeaders.AppName] = "kapps_conference",
                [KapiHeaders.AppVersion] = "1.0.0",
                [KapiHeaders.MsgId] = KazooIds.RandomHex(8),
                [KapiKeys.ApplicationName] = application,
                [KapiKeys.ConferenceId] = conf,
            };
            foreach (var (key, value) in extra ?? [])
            {
                message[key] = value?.DeepClone();
            }
            return message;
        }

        await sim.RawCommandAsync(conf, Command("mute_participant"));                                                        // no Participant-ID
        await sim.RawCommandAsync(conf, Command("mute_participant", new JsonObject { [KapiKeys.ParticipantId] = "seven" })); // not numeric
        await sim.RawCommandAsync(conf, Command("mute_participant", new JsonObject { [KapiKeys.ParticipantId] = memberId + 100 })); // no such member
        await sim.RawCommandAsync(conf, Command("kick", new JsonObject { [KapiKeys.ParticipantId] = memberId + 100 }));
        await sim.RawCommandAsync(conf, Command("explode"));                                                                 // unknown
        await sim.RawCommandAsync(conf, Command("lock", new JsonObject { [KapiKeys.ConferenceId] = KazooIds.NewId() }));     // another conference
        await sim.RawCommandAsync(conf, Command("play"));                                                                    // no Media-Name
        await sim.RawCommandAsync(conf, Command("relate_participants", new JsonObject
        {
            [KapiKeys.ParticipantId] = memberId, [KapiKeys.OtherParticipant] = memberId, [KapiKeys.Relationship] = "hug",
        }));
        await sim.RawCommandAsync(conf, Command("participants"));                                                            // not handled by ecallmgr
        var noCategory = Command("lock");
        noCategory.Remove(KapiHeaders.EventCategory);
        await sim.RawCommandAsync(conf, noCategory);

        await sim.Events.AssertNothingAsync(SimulatorHarness.Quiet);
        var participant = Items(await sim.SearchConferenceAsync(conf), KapiKeys.Participants).Single();
        Assert.True(participant[KapiKeys.ConferenceChannelVars]![KapiKeys.Speak]!.GetValue<bool>());
        Assert.False((await sim.SearchConferenceAsync(conf))[KapiKeys.Locked]!.GetValue<bool>());
        await sim.RawCommandAsync(conf, Command("mute_participant", new JsonObject { [KapiKeys.ParticipantId] = memberId }));
        Assert.Equal(E.MuteMember, EventName((await sim.Events.NextAsync()).Message));
    }
}
