namespace Conferences.Core.Tests.Kapi;

/// <summary>Exchanges, routing keys and AMQP-word encoding (docs/amqp.md).</summary>
public sealed class KapiRoutingKeysTests
{
    [Fact]
    public void Exchanges_are_conference_topic_and_targeted_direct()
    {
        Assert.Equal(("conference", "topic"), (KapiRoutingKeys.ConferenceExchange, KapiRoutingKeys.ConferenceExchangeType));
        Assert.Equal(("targeted", "direct"), (KapiRoutingKeys.TargetedExchange, KapiRoutingKeys.TargetedExchangeType));
    }

    [Fact]
    public void Search_goes_to_discovery_commands_to_the_conference_and_dial_to_the_zone()
    {
        Assert.Equal("conference.discovery", KapiRoutingKeys.Discovery);
        Assert.Equal("conference.command.4f2d1c", KapiRoutingKeys.Command("4f2d1c"));
        Assert.Equal("conference.command.local", KapiRoutingKeys.Dial());
        Assert.Equal("conference.command.us-east", KapiRoutingKeys.Dial("us-east"));
        Assert.Equal("conference.config.default", KapiRoutingKeys.Config("default"));
    }

    [Fact]
    public void Member_event_key_encodes_only_the_call_id()
    {
        Assert.Equal("conference.event.add-member.4b31dd.4f2d1c.a%2Eb+c%2A%23",
            KapiRoutingKeys.Event("add-member", "4b31dd", "4f2d1c", "a.b c*#"));
    }

    [Fact]
    public void Conference_level_event_uses_the_conference_id_in_the_last_slot()
    {
        Assert.Equal("conference.event.conference-create.4b31dd.4f2d1c.4f2d1c",
            KapiRoutingKeys.Event("conference-create", "4b31dd", "4f2d1c"));
    }

    [Fact]
    public void Event_key_of_a_message_falls_back_to_the_account_in_custom_channel_vars()
    {
        var message = KapiWireFixtures.Parse("""
            {"Event":"del-member","Conference-ID":"conf","Call-ID":"call-1","Custom-Channel-Vars":{"Account-ID":"acct"}}
            """);

        Assert.Equal("conference.event.del-member.acct.conf.call-1", KapiRoutingKeys.EventFor(message));
    }

    [Fact]
    public void Event_key_of_a_message_without_account_is_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            KapiRoutingKeys.EventFor(KapiWireFixtures.Parse("""{"Event":"lock","Conference-ID":"conf"}""")));
    }

    [Fact]
    public void Websocket_binding_keeps_wildcards_in_the_call_slot()
    {
        Assert.Equal("conference.event.*.4b31dd.4f2d1c.*", KapiRoutingKeys.Event("*", "4b31dd", "4f2d1c", "*"));
    }

    [Fact]
    public void Legacy_participant_event_key_has_conference_then_encoded_call()
    {
        Assert.Equal("conference.event.4f2d1c.a%2Eb", KapiRoutingKeys.LegacyParticipantEvent("4f2d1c", "a.b"));
    }

    [Theory]
    [InlineData("a.b c*#", "a%2Eb+c%2A%23")]
    [InlineData("*", "*")]
    [InlineData("#", "#")]
    [InlineData("**", "%2A%2A")]
    [InlineData("", "")]
    [InlineData("AZaz09-_~", "AZaz09-_~")]
    [InlineData("3a7f@10.0.0.1", "3a7f%4010%2E0%2E0%2E1")]
    [InlineData("a/b:c=d", "a%2Fb%3Ac%3Dd")]
    [InlineData("100%", "100%25")]
    [InlineData("é", "%C3%A9")]
    [InlineData("+", "%2B")]
    public void Encode_follows_kazoos_amqp_word_encoding(string value, string encoded)
    {
        Assert.Equal(encoded, KapiRoutingKeys.Encode(value));
    }
}
