namespace Conferences.MediaServer.Tests;

/// <summary>Commands on <c>conference.command.{conf}</c>: state changes and events (<c>ecallmgr_fs_conference_stream.erl</c>, <c>ecallmgr_conference_command.erl</c>).</summary>
public sealed class CommandTests : SimulatorTests
{
    [Fact]
    public async Task Lock_and_unlock_change_the_conference_and_publish_conference_events()
    {
        await Sim.JoinAsync(Conf, "alice");
        await Sim.EventAsync(E.AddMember);

        await Sim.CommandAsync(Conf, "lock");
        var locked = await Sim.EventAsync(E.Lock);
        Assert.Equal($"conference.event.lock.{Sim.AccountId}.{Conf}.{Conf}", locked.RoutingKey);
        Assert.False(locked.Message.ContainsKey(KapiHeaders.CallId));
        Assert.True((await Sim.SearchConferenceAsync(Conf))[KapiKeys.Locked]!.GetValue<bool>());

        await Sim.CommandAsync(Conf, "unlock");
        var unlocked = await Sim.EventAsync(E.Unlock);
        Assert.Equal($"conference.event.unlock.{Sim.AccountId}.{Conf}.{Conf}", unlocked.RoutingKey);
        Assert.False((await Sim.SearchConferenceAsync(Conf))[KapiKeys.Locked]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("mute_participant", E.MuteMember, "Speak", false)]
    [InlineData("unmute_participant", E.UnmuteMember, "Speak", true)]
    [InlineData("deaf_participant", E.DeafMember, "Hear", false)]
    [InlineData("undeaf_participant", E.UndeafMember, "Hear", true)]
    public async Task Member_commands_change_the_member_and_publish_its_event(string command, string eventName, string channelVar, bool value)
    {
        var dial = Sim.Dial(Conf, Sim.SipEndpoint("sip:alice@example.com"));
        dial[KapiKeys.ParticipantFlags] = value ? new JsonArray("mute", "deaf") : new JsonArray();
        await Sim.DialAsync(dial);
        var joined = await Sim.EventAsync(E.AddMember);
        var (callId, memberId) = (Str(joined.Message, KapiHeaders.CallId)!, Long(joined.Message, KapiKeys.ParticipantId)!.Value);

        await Sim.CommandAsync(Conf, command, new JsonObject { [KapiKeys.ParticipantId] = memberId });

        var changed = await Sim.Events.NextAsync();
        Assert.Equal($"conference.event.{eventName}.{Sim.AccountId}.{Conf}.{callId}", changed.RoutingKey);
        Assert.Equal(memberId, Long(changed.Message, KapiKeys.ParticipantId));
        Assert.Equal(value, Var(changed.Message, channelVar));
        Assert.Equal(Obj(joined.Message, KapiKeys.CustomChannelVars).ToJsonString(), Obj(changed.Message, KapiKeys.CustomChannelVars).ToJsonString());
        Assert.Equal(Str(joined.Message, KapiKeys.ChannelPresenceId), Str(changed.Message, KapiKeys.ChannelPresenceId));
        var participant = Items(await Sim.SearchConferenceAsync(Conf), KapiKeys.Participants).Single();
        Assert.Equal(value, participant[KapiKeys.ConferenceChannelVars]![channelVar]!.GetValue<bool>());
    }

    [Fact]
    public async Task Participant_id_is_accepted_as_a_numeric_string_and_a_repeated_mute_still_publishes()
    {
        await Sim.JoinAsync(Conf, "alice");
        var memberId = Long((await Sim.EventAsync(E.AddMember)).Message, KapiKeys.ParticipantId)!.Value;

        await Sim.CommandAsync(Conf, "mute_participant", new JsonObject { [KapiKeys.ParticipantId] = memberId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await Sim.CommandAsync(Conf, "mute_participant", new JsonObject { [KapiKeys.ParticipantId] = memberId });

        var events = await Sim.Events.TakeAsync(2);
        Assert.All(events, e => Assert.Equal(E.MuteMember, EventName(e.Message)));
        Assert.All(events, e => Assert.False(Var(e.Message, KapiKeys.Speak)));
    }

    [Fact]
    public async Task Play_relate_record_and_friends_are_executed_without_events()
    {
        await Sim.JoinAsync(Conf, "alice", "bob");
        var members = (await Sim.Events.TakeAsync(3)).Where(e => EventName(e.Message) == E.AddMember).Select(e => Long(e.Message, KapiKeys.ParticipantId)!.Value).ToList();

        await Sim.CommandAsync(Conf, "play", new JsonObject { [KapiKeys.MediaName] = $"/{Sim.AccountId}/welcome" });
        await Sim.CommandAsync(Conf, "play", new JsonObject { [KapiKeys.MediaName] = "tone_stream://%(200,0,500)", [KapiKeys.ParticipantId] = members[0] });
        await Sim.CommandAsync(Conf, "relate_participants", new JsonObject
        {
            [KapiKeys.ParticipantId] = members[0],
            [KapiKeys.OtherParticipant] = members[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            [KapiKeys.Relationship] = "mute",
        });
        await Sim.CommandAsync(Conf, "record", new JsonObject { [KapiKeys.MediaName] = "recording.mp3" });
        await Sim.CommandAsync(Conf, "recordstop", new JsonObject { [KapiKeys.MediaName] = "recording.mp3" });
        await Sim.CommandAsync(Conf, "stop_play", new JsonObject { [KapiKeys.Affects] = "all" });
        await Sim.CommandAsync(Conf, "participant_energy", new JsonObject { [KapiKeys.ParticipantId] = members[1], [KapiKeys.EnergyLevel] = 300 });
        await Sim.CommandAsync(Conf, "participant_volume_in", new JsonObject { [KapiKeys.ParticipantId] = members[1], [KapiKeys.VolumeInLevel] = 2 });
        await Sim.CommandAsync(Conf, "set", new JsonObject { [KapiKeys.Parameter] = "Max-Members", [KapiKeys.Value] = "10" });
        await Sim.CommandAsync(Conf, "lock");

        // commands of a conference are handled in order: the lock event is the first event after them
        Assert.Equal(E.Lock, EventName((await Sim.Events.NextAsync()).Message));
        var participants = Items(await Sim.SearchConferenceAsync(Conf), KapiKeys.Participants);
        Assert.All(participants, p => Assert.Equal(20, p[KapiKeys.ConferenceChannelVars]![KapiKeys.EnergyLevel]!.GetValue<int>()));
    }

    [Fact]
    public async Task Invalid_unknown_misdirected_and_unmatched_commands_are_dropped()
    {
        await Sim.JoinAsync(Conf, "alice");
        var memberId = Long((await Sim.EventAsync(E.AddMember)).Message, KapiKeys.ParticipantId)!.Value;
        Sim.Events.Drain();
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
                [KapiKeys.ConferenceId] = Conf,
            };
            foreach (var (key, value) in extra ?? [])
            {
                message[key] = value?.DeepClone();
            }
            return message;
        }

        await Sim.RawCommandAsync(Conf, Command("mute_participant"));                                                        // no Participant-ID
        await Sim.RawCommandAsync(Conf, Command("mute_participant", new JsonObject { [KapiKeys.ParticipantId] = "seven" })); // not numeric
        await Sim.RawCommandAsync(Conf, Command("mute_participant", new JsonObject { [KapiKeys.ParticipantId] = memberId + 100 })); // no such member
        await Sim.RawCommandAsync(Conf, Command("kick", new JsonObject { [KapiKeys.ParticipantId] = memberId + 100 }));
        await Sim.RawCommandAsync(Conf, Command("explode"));                                                                 // unknown
        await Sim.RawCommandAsync(Conf, Command("lock", new JsonObject { [KapiKeys.ConferenceId] = KazooIds.NewId() }));     // another conference
        await Sim.RawCommandAsync(Conf, Command("play"));                                                                    // no Media-Name
        await Sim.RawCommandAsync(Conf, Command("relate_participants", new JsonObject
        {
            [KapiKeys.ParticipantId] = memberId, [KapiKeys.OtherParticipant] = memberId, [KapiKeys.Relationship] = "hug",
        }));
        await Sim.RawCommandAsync(Conf, Command("participants"));                                                            // not handled by ecallmgr
        var noCategory = Command("lock");
        noCategory.Remove(KapiHeaders.EventCategory);
        await Sim.RawCommandAsync(Conf, noCategory);

        await Sim.Events.AssertNothingAsync(SimulatorHarness.Quiet);
        var participant = Items(await Sim.SearchConferenceAsync(Conf), KapiKeys.Participants).Single();
        Assert.True(participant[KapiKeys.ConferenceChannelVars]![KapiKeys.Speak]!.GetValue<bool>());
        Assert.False((await Sim.SearchConferenceAsync(Conf))[KapiKeys.Locked]!.GetValue<bool>());
        await Sim.RawCommandAsync(Conf, Command("mute_participant", new JsonObject { [KapiKeys.ParticipantId] = memberId }));
        Assert.Equal(E.MuteMember, EventName((await Sim.Events.NextAsync()).Message));
    }
}
