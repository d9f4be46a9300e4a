namespace Conferences.Core.Tests.Blackhole;

/// <summary>Event frames: Kazoo's HEAD wrapper and normalised public fields (docs/websocket.md) plus D8's flat channel vars.</summary>
public sealed class BlackholeEventFrameTests
{
    private const string Account = "4b31dd0000000000000000000000abcd";
    private const string Conf = "4f2d1c";

    [Fact]
    public void The_frame_carries_the_wrapper_of_Kazoo_HEAD()
    {
        var frame = Render(new BlackholeBinding("conference.event.4f2d1c.*", $"conference.event.*.{Account}.{Conf}.*"), MuteMember());

        Assert.Equal(["action", "subscribed_key", "subscription_key", "name", "routing_key", "data"], frame.Select(p => p.Key));
        Assert.Equal("event", (string?)frame["action"]);
        Assert.Equal("conference.event.4f2d1c.*", (string?)frame["subscribed_key"]);
        Assert.Equal($"conference.event.*.{Account}.{Conf}.*", (string?)frame["subscription_key"]);
        Assert.Equal("event", (string?)frame["name"]);
        Assert.Equal($"conference.event.mute-member.{Account}.{Conf}.a1b2c3", (string?)frame["routing_key"]);
    }

    [Fact]
    public void Data_is_the_message_without_optional_headers_but_account_and_call_with_keys_normalised()
    {
        var data = Render(Binding, MuteMember())["data"]!.AsObject();

        Assert.Equal("conference", (string?)data["event_category"]);
        Assert.Equal("event", (string?)data["event_name"]);
        Assert.Equal("freeswitch", (string?)data["app_name"]);
        Assert.Equal("1.0", (string?)data["app_version"]);
        Assert.Equal("m-1", (string?)data["msg_id"]);
        Assert.Equal(Account, (string?)data["account_id"]);
        Assert.Equal("a1b2c3", (string?)data["call_id"]);
        Assert.Equal("mute-member", (string?)data["event"]);
        Assert.Equal(Conf, (string?)data["conference_id"]);
        Assert.Equal("e5f6", (string?)data["instance_id"]);
        Assert.Equal(7, (int?)data["participant_id"]);
        Assert.Equal("Alice", (string?)data["caller_id_name"]);
        Assert.Equal("1001@realm", (string?)data["channel_presence_id"]);
        Assert.Equal(Account, (string?)data["custom_channel_vars"]!["account_id"]);
        Assert.Equal("device", (string?)data["custom_channel_vars"]!["authorizing_type"]);
        Assert.False((bool)data["conference_channel_vars"]!["speak"]!);
        Assert.Equal(7, (int?)data["conference_channel_vars"]!["member_id"]);
        Assert.Null(data["node"]);
        Assert.Null(data["server_id"]);
        Assert.Null(data["system_log_id"]);
        Assert.DoesNotContain(data, p => p.Key.Contains('-', StringComparison.Ordinal) || p.Key.Any(char.IsUpper));
    }

    [Fact]
    public void Data_has_flat_copies_of_the_conference_channel_vars()
    {
        var data = Render(Binding, MuteMember())["data"]!.AsObject();

        Assert.False((bool)data["is_moderator"]!);
        Assert.False((bool)data["speak"]!);
        Assert.True((bool)data["hear"]!);
        Assert.True((bool)data["talking"]!);
        Assert.False((bool)data["floor"]!);
        Assert.False((bool)data["video"]!);
        Assert.True((bool)data["mute_detect"]!);
        Assert.Equal(20, (int?)data["energy_level"]);
        Assert.Equal(3, (int?)data["current_energy"]);
        Assert.Equal(7, (int?)data["member_id"]);
    }

    [Fact]
    public void A_flat_copy_never_replaces_a_field_of_the_message()
    {
        var message = MuteMember();
        message["Conference-Channel-Vars"]!["Event"] = "shadow";

        Assert.Equal("mute-member", (string?)Render(Binding, message)["data"]!["event"]);
    }

    [Fact]
    public void A_command_frame_has_no_channel_vars_to_copy()
    {
        var command = KapiMessage.Build(KapiConference.MuteParticipant,
            new JsonObject { ["Conference-ID"] = Conf, ["Participant-ID"] = 7 }, KapiSender.KappsConference("crossbar@api1"));
        var frame = BlackholeEventFrame.Render(new BlackholeBinding($"conference.command.{Conf}", $"conference.command.{Conf}"),
            new KapiDelivery("conference", $"conference.command.{Conf}", command));
        var json = JsonNode.Parse(frame)!;

        Assert.Equal("command", (string?)json["name"]);
        Assert.Equal("mute_participant", (string?)json["data"]!["application_name"]);
        Assert.Equal(7, (int?)json["data"]!["participant_id"]);
        Assert.Null(json["data"]!["speak"]);
    }

    [Fact]
    public void Null_values_are_dropped_and_arrays_kept()
    {
        var message = MuteMember();
        message["Custom-Channel-Vars"]!["Gone"] = null;
        message["Custom-Channel-Vars"]!["Media-Names"] = new JsonArray(new JsonObject { ["File-Name"] = "x" });

        var ccvs = Render(Binding, message)["data"]!["custom_channel_vars"]!.AsObject();

        Assert.False(ccvs.ContainsKey("gone"));
        Assert.Equal("x", (string?)ccvs["media_names"]![0]!["file_name"]);
    }

    private static readonly BlackholeBinding Binding = new("conference.event.4f2d1c.*", $"conference.event.*.{Account}.{Conf}.*");

    private static JsonObject Render(BlackholeBinding binding, JsonObject message) =>
        JsonNode.Parse(BlackholeEventFrame.Render(binding, new KapiDelivery("conference", KapiRoutingKeys.EventFor(message), message)))!.AsObject();

    // the docs/websocket.md example, as the media-server manager publishes it (Node and Server-ID are optional headers)
    private static JsonObject MuteMember() => new()
    {
        ["Event-Category"] = "conference",
        ["Event-Name"] = "event",
        ["App-Name"] = "freeswitch",
        ["App-Version"] = "1.0",
        ["Msg-ID"] = "m-1",
        ["Node"] = "freeswitch@media1",
        ["Server-ID"] = "amq.gen-x",
        ["System-Log-ID"] = "a1b2c3",
        ["Account-ID"] = Account,
        ["Call-ID"] = "a1b2c3",
        ["Event"] = "mute-member",
        ["Conference-ID"] = Conf,
        ["Instance-ID"] = "e5f6",
        ["Participant-ID"] = 7,
        ["Caller-ID-Name"] = "Alice",
        ["Caller-ID-Number"] = "1001",
        ["Channel-Presence-ID"] = "1001@realm",
        ["Custom-Channel-Vars"] = new JsonObject { ["Account-ID"] = Account, ["Authorizing-Type"] = "device" },
        ["Conference-Channel-Vars"] = new JsonObject
        {
            ["Is-Moderator"] = false, ["Speak"] = false, ["Hear"] = true, ["Talking"] = true, ["Floor"] = false,
            ["Video"] = false, ["Mute-Detect"] = true, ["Energy-Level"] = 20, ["Current-Energy"] = 3, ["Member-ID"] = 7,
        },
    };
}
