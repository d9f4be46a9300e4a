namespace Conferences.MediaServer.Search;

/// <summary>
/// A member as ecallmgr lists it in a <c>search_resp</c> (<c>ecallmgr_fs_conferences:participant_to_props</c>,
/// <c>kapi_conference:search_resp/1</c>): call id, conference name and uuid, switch host, member id, join time (Gregorian),
/// caller id, the three variable objects. Undefined values are omitted.
/// </summary>
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
