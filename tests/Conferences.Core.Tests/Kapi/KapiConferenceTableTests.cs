namespace Conferences.Core.Tests.Kapi;

/// <summary>The table mirrors <c>kapi_conference.erl</c>.</summary>
public sealed class KapiConferenceTableTests
{
    [Theory]
    [InlineData("lock")]
    [InlineData("unlock")]
    [InlineData("mute_participant")]
    [InlineData("unmute_participant")]
    [InlineData("deaf_participant")]
    [InlineData("undeaf_participant")]
    [InlineData("kick")]
    [InlineData("play")]
    [InlineData("relate_participants")]
    [InlineData("record")]
    [InlineData("recordstop")]
    [InlineData("stop_play")]
    [InlineData("participant_energy")]
    [InlineData("participant_volume_in")]
    [InlineData("participant_volume_out")]
    [InlineData("set")]
    [InlineData("participants")]
    [InlineData("dial")]
    [InlineData("dial_resp")]
    public void Command_is_found_by_application_name(string applicationName)
    {
        var definition = KapiConference.FindCommand(applicationName);

        Assert.NotNull(definition);
        Assert.Equal(applicationName, definition.ApplicationName);
        Assert.Equal(("conference", "command"), (definition.EventCategory, definition.EventName));
    }

    [Theory]
    [InlineData("hup")]
    [InlineData("say")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_application_name_has_no_command(string? applicationName)
    {
        Assert.Null(KapiConference.FindCommand(applicationName));
    }

    [Fact]
    public void Every_conference_command_except_dial_resp_requires_application_name_and_conference_id()
    {
        var commands = KapiConference.CommandsByApplicationName.Values.Where(d => d != KapiConference.DialResp);

        Assert.All(commands, d =>
        {
            Assert.Contains("Application-Name", d.RequiredKeys);
            Assert.Contains("Conference-ID", d.RequiredKeys);
        });
    }

    [Fact]
    public void Participant_commands_require_participant_id_and_kick_makes_it_optional()
    {
        Assert.All(new[] { KapiConference.MuteParticipant, KapiConference.UnmuteParticipant, KapiConference.DeafParticipant, KapiConference.UndeafParticipant },
            d => Assert.Contains("Participant-ID", d.RequiredKeys));
        Assert.Contains("Participant-ID", KapiConference.Kick.OptionalKeys);
        Assert.DoesNotContain("Participant-ID", KapiConference.Kick.RequiredKeys);
    }

    [Fact]
    public void Search_requires_one_of_conference_id_or_account_id()
    {
        Assert.Equal(["Conference-ID", "Account-ID"], Assert.Single(KapiConference.SearchReq.RequiredOneOf));
        Assert.Equal(["Conferences", "Conference-ID"], Assert.Single(KapiConference.SearchResp.RequiredOneOf));
    }

    [Fact]
    public void Names_are_unique_and_findable()
    {
        Assert.Equal(KapiConference.All.Count, KapiConference.All.Select(d => d.Name).Distinct().Count());
        Assert.All(KapiConference.All, d => Assert.Same(d, KapiConference.FindByName(d.Name)));
    }

    [Fact]
    public void App_identities_are_those_of_kazoo()
    {
        Assert.Equal(new KapiSender("crossbar", "4.0.0", "n"), KapiSender.Crossbar("n"));
        Assert.Equal(new KapiSender("kapps_conference", "1.0.0", "n"), KapiSender.KappsConference("n"));
        Assert.Equal(new KapiSender("ecallmgr", "5.0.0", "n"), KapiSender.Ecallmgr("n"));
        Assert.Equal(new KapiSender("freeswitch", "1.0", "n"), KapiSender.FreeSwitch("n"));
    }

    [Fact]
    public void Common_headers_are_those_of_kz_api()
    {
        Assert.Equal(["Event-Category", "Event-Name", "App-Name", "App-Version", "Msg-ID"], KapiHeaders.Required);
        Assert.Equal(16, KapiHeaders.Optional.Count);
        Assert.True(KapiHeaders.IsDefaultHeader("System-Log-ID"));
        Assert.True(KapiHeaders.IsDefaultHeader("Server-ID"));
        Assert.False(KapiHeaders.IsDefaultHeader("Conference-ID"));
    }

    [Fact]
    public void Default_published_events_are_the_twelve_of_ecallmgr()
    {
        Assert.Equal(12, KapiConferenceEvents.DefaultPublished.Count);
        Assert.All(KapiConferenceEvents.DefaultPublished, e => Assert.Matches("^[a-z-]+$", e));
    }

    [Fact]
    public void Unknown_messages_are_not_identified()
    {
        Assert.Null(KapiConference.Identify(KapiWireFixtures.Parse("""{"Event-Category":"conference","Event-Name":"discovery_req"}""")));
        Assert.Null(KapiConference.Identify(KapiWireFixtures.Parse("""{"Event-Category":"call_event","Event-Name":"event"}""")));
        Assert.Null(KapiConference.Identify(KapiWireFixtures.Parse("""{"Event-Category":"conference","Event-Name":"command","Application-Name":"say"}""")));
    }
}
