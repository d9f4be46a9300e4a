namespace Conferences.Core.Tests.Kapi;

/// <summary>Every message of the table against hand-written wire messages (<c>kapi_conference.erl</c>, docs/websocket.md).</summary>
public sealed class KapiWireFixtureTests
{
    public static TheoryData<string> FixtureNames() => [.. KapiWireFixtures.All.Keys];

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Wire_fixture_validates_against_its_definition(string fixture)
    {
        var (name, json) = KapiWireFixtures.All[fixture];
        var definition = KapiConference.FindByName(name)!;

        Assert.Empty(KapiMessage.Validate(definition, KapiWireFixtures.Parse(json)));
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Wire_fixture_is_identified_as_its_own_message_except_dial_resp(string fixture)
    {
        var (name, json) = KapiWireFixtures.All[fixture];

        var identified = KapiConference.Identify(KapiWireFixtures.Parse(json));

        // dial_resp has no Application-Name on the wire: only the requester knows what it is (kapi_conference:dial_resp/1)
        Assert.Equal(name == "dial_resp" ? null : name, identified?.Name);
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Rebuilding_a_wire_fixture_changes_nothing(string fixture)
    {
        var (name, json) = KapiWireFixtures.All[fixture];
        var wire = KapiWireFixtures.Parse(json);

        var rebuilt = KapiMessage.Build(KapiConference.FindByName(name)!, wire, KapiSender.Crossbar("other@node"));

        Assert.True(JsonNode.DeepEquals(wire, rebuilt), rebuilt.ToJsonString());
    }

    [Fact]
    public void Every_message_of_the_table_has_a_wire_fixture()
    {
        var covered = KapiWireFixtures.All.Values.Select(f => f.Definition).ToHashSet();

        Assert.All(KapiConference.All, d => Assert.Contains(d.Name, covered));
    }

    [Fact]
    public void Section_7_event_routes_to_the_key_blackhole_saw()
    {
        var key = KapiRoutingKeys.EventFor(KapiWireFixtures.Parse(KapiWireFixtures.MuteMemberEventOfSection7));

        Assert.Equal(KapiWireFixtures.MuteMemberEventRoutingKeyOfSection7, key);
        Assert.True(KapiRoutingKeys.TopicMatches("conference.event.*.4b31dd.4f2d1c.*", key));
    }

    [Fact]
    public void Section_5_4_4_example_reads_its_participant_id()
    {
        var command = KapiWireFixtures.Parse(KapiWireFixtures.MuteParticipantExample);

        Assert.Same(KapiConference.MuteParticipant, KapiConference.Identify(command));
        Assert.True(KapiMessage.TryGetInteger(command, KapiKeys.ParticipantId, out var id));
        Assert.Equal(7, id);
    }
}
