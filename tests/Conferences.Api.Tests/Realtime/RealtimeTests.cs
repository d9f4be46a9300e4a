namespace Conferences.Api.Tests.Realtime;

/// <summary>
/// Realtime data on the embedded default (in-process bus, simulator inside the API host): the live state follows the
/// simulator's events, and GET, the list and the participants GETs show it in the shapes of docs/compatibility.md D1, D3, D5, D6,
/// D11 (<c>cb_conferences.erl</c>). Ids that run without a stored conference are in <see cref="RealtimeAdHocTests"/>.
/// </summary>
public sealed class RealtimeTests(ApiFactory api) : RealtimeHarness(api)
{
    [Fact]
    public async Task Get_and_list_show_members_moderators_and_admins_of_a_running_stored_conference()
    {
        var account = await Api.NewAccountAsync();
        var id = await account.CreateConferenceIdAsync(new JsonObject { ["name"] = "Running" });
        var idle = await account.CreateConferenceIdAsync(new JsonObject { ["name"] = "Idle" });

        await JoinAsync(account, id, "alice");
        await JoinAsync(account, id, "bob");
        await JoinAsync(account, id, "carol", moderator: true);

        var answer = await LiveApi.GetUntilAsync(account, id, r => LiveApi.Counts(r, members: 2, moderators: 1));
        var readOnly = (JsonObject)answer.DataObject["_read_only"]!;
        var conference = Simulator.FindConference(id)!.Conference;
        Assert.Equal(conference.Uuid, readOnly["uuid"]!.GetValue<string>());
        Assert.Equal(conference.StartTime, readOnly["start_time"]!.GetValue<long>());
        Assert.Equal(Simulator.Identity.SwitchHostname, readOnly["switch_hostname"]!.GetValue<string>());
        Assert.Equal(readOnly["duration"]!.GetValue<long>(), readOnly["run_time"]!.GetValue<long>());
        Assert.False(readOnly["is_locked"]!.GetValue<bool>());
        Assert.Equal(3, ((JsonArray)readOnly["participants"]!).Count);
        Assert.Equal("Running", answer.DataObject["name"]!.GetValue<string>());
        Assert.NotNull(answer.Json!["revision"]);

        var items = (await account.ListAsync()).DataArray.OfType<JsonObject>().ToDictionary(i => i["id"]!.GetValue<string>());
        var listed = (JsonObject)items[id]["_read_only"]!;
        Assert.True(LiveApi.Counts(listed, members: 2, moderators: 1), listed.ToJsonString());
        Assert.Equal(conference.Uuid, listed["uuid"]!.GetValue<string>());
        Assert.False(listed.ContainsKey("participants"));
        Assert.Equal("""{"members":0,"moderators":0,"admins":0,"participant_count":0,"duration":0,"is_locked":false}""", items[idle]["_read_only"]!.ToJsonString());
    }

    [Fact]
    public async Task Duration_grows_while_the_conference_runs_and_metadata_carries_the_counters()
    {
        var account = await Api.NewAccountAsync();
        var id = await account.CreateConferenceIdAsync();
        await JoinAsync(account, id, "alice");
        await JoinAsync(account, id, "boss", moderator: true);

        var first = await LiveApi.GetUntilAsync(account, id, r => LiveApi.Counts(r, members: 1, moderators: 1));
        var started = first.DataObject["_read_only"]!["duration"]!.GetValue<long>();
        var later = await LiveApi.GetUntilAsync(account, id, r => r["duration"]!.GetValue<long>() > started);

        var metadata = (JsonObject)later.Json!["metadata"]!;
        Assert.Equal(["duration", "is_locked", "members", "moderators", "participant_count"], metadata.Select(p => p.Key));
        Assert.True(metadata["duration"]!.GetValue<long>() > started);
        Assert.Equal(1, metadata["members"]!.GetValue<int>());
        Assert.Equal(1, metadata["moderators"]!.GetValue<int>());
        Assert.Equal(2, metadata["participant_count"]!.GetValue<int>());
        Assert.False(metadata["is_locked"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_lock_command_on_the_bus_shows_as_is_locked()
    {
        var account = await Api.NewAccountAsync();
        var id = await account.CreateConferenceIdAsync();
        await JoinAsync(account, id, "alice");
        await LiveApi.GetUntilAsync(account, id, r => LiveApi.Counts(r, members: 1, moderators: 0));

        // what crossbar publishes for action lock (kapps_conference_command.erl)
        var command = KapiMessage.Build(KapiConference.Lock, new JsonObject { [KapiKeys.ConferenceId] = id }, KapiSender.KappsConference("crossbar@test"));
        await Api.Services.GetRequiredService<IKapiPublisher>().PublishAsync(KapiRoutingKeys.Command(id), command, CancellationToken.None);

        var locked = await LiveApi.GetUntilAsync(account, id, r => r["is_locked"]!.GetValue<bool>());
        Assert.True(locked.Json!["metadata"]!["is_locked"]!.GetValue<bool>());
        var item = (await account.ListAsync()).DataArray.OfType<JsonObject>().Single(i => i["id"]!.GetValue<string>() == id);
        Assert.True(item["_read_only"]!["is_locked"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Participants_are_d6_objects_and_talking_toggles_show()
    {
        var account = await Api.NewAccountAsync();
        var id = await account.CreateConferenceIdAsync();
        var alice = await JoinAsync(account, id, "alice");
        var carol = await JoinAsync(account, id, "carol", moderator: true);

        // the join's search completes the record with the custom application vars (events do not carry them)
        var participants = (await LiveApi.ParticipantsUntilAsync(account, id,
            p => p.Count == 2 && p.All(x => x!["custom_application_vars"]?["source"] is not null))).DataArray;
        var moderator = participants.OfType<JsonObject>().Single(p => p["call_id"]!.GetValue<string>() == carol.CallId);
        Assert.Equal(carol.MemberId, moderator["participant_id"]!.GetValue<long>());
        Assert.Equal(id, moderator["conference_name"]!.GetValue<string>());
        Assert.Equal(Simulator.FindConference(id)!.Conference.Uuid, moderator["conference_uuid"]!.GetValue<string>());
        Assert.Equal(Simulator.Identity.SwitchHostname, moderator["switch_hostname"]!.GetValue<string>());
        Assert.InRange(moderator["join_time"]!.GetValue<long>(), carol.JoinTime - 5, carol.JoinTime + 5);
        Assert.True(moderator["join_time"]!.GetValue<long>() > Gregorian.UnixEpochOffset);
        Assert.True(moderator["duration"]!.GetValue<long>() >= 0);
        Assert.Equal("carol", moderator["caller_id_name"]!.GetValue<string>());
        Assert.Equal("1002", moderator["caller_id_number"]!.GetValue<string>());
        Assert.Equal(account.Id, moderator["custom_channel_vars"]!["account_id"]!.GetValue<string>());
        Assert.Equal("demo", moderator["custom_application_vars"]!["source"]!.GetValue<string>());
        var vars = (JsonObject)moderator["conference_channel_vars"]!;
        Assert.True(vars["is_moderator"]!.GetValue<bool>());
        Assert.Equal(carol.MemberId, vars["member_id"]!.GetValue<long>());
        Assert.All(new[] { "floor", "video", "see", "speak", "hear", "talking", "mute_detect", "energy_level", "current_energy", "member_ghost" },
            key => Assert.True(vars.ContainsKey(key), key));
        Assert.All(new[] { "is_moderator", "speak", "hear", "talking", "floor", "video", "mute_detect", "energy_level", "current_energy" },
            key => Assert.Equal(vars[key]!.ToJsonString(), moderator[key]!.ToJsonString()));

        await Simulator.SetTalkingAsync(alice.CallId, talking: true);
        var talking = await Eventually.MatchAsync(
            () => account.GetAsync($"conferences/{id}/participants/{alice.MemberId}"),
            a => a.Status == HttpStatusCode.OK && a.DataObject["talking"]?.GetValue<bool>() == true);
        Assert.True(talking.DataObject["conference_channel_vars"]!["talking"]!.GetValue<bool>());
        Assert.Null(talking.Json!["revision"]);

        await Simulator.SetTalkingAsync(alice.CallId, talking: false);
        await Eventually.MatchAsync(
            () => account.GetAsync($"conferences/{id}/participants/{alice.MemberId}"),
            a => a.Status == HttpStatusCode.OK && a.DataObject["conference_channel_vars"]?["talking"]?.GetValue<bool>() == false);
    }
}
