namespace Conferences.MediaServer.Search;

// ecallmgr_fs_conferences:participant_to_props; undefined values are omitted.
internal static class ParticipantRecord
{
    public static JsonObject ToJson(SimulatedParticipant participant, SimulatedConference conference)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(conference);
        var record = new JsonObject
        {
            [KapiHeaders.CallId] = participant.CallId,
            ["Conference-Name"] = participant.ConferenceName,
            ["Conference-UUID"] = participant.ConferenceUuid,
            [KapiKeys.SwitchHostname] = conference.SwitchHostname,
            [KapiKeys.ParticipantId] = participant.MemberId,
            ["Join-Time"] = participant.JoinTime,
        };
        if (participant.CallerIdName is not null)
        {
            record[KapiKeys.CallerIdName] = participant.CallerIdName;
        }
        if (participant.CallerIdNumber is not null)
        {
            record[KapiKeys.CallerIdNumber] = participant.CallerIdNumber;
        }
        record[KapiKeys.CustomChannelVars] = participant.CustomChannelVars.DeepClone();
        record[KapiKeys.ConferenceChannelVars] = participant.ChannelVars.ToJson();
        record[KapiKeys.CustomApplicationVars] = participant.CustomApplicationVars.DeepClone();
        return record;
    }
}
