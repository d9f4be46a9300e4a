namespace Conferences.MediaServer.Search;

/// <summary>
/// The replies to a <c>search_req</c> (<c>ecallmgr_fs_conferences.erl</c>): <c>search_resp</c> in the conference form (<c>kapi_conference:search_resp/1</c>)
/// or the account form, and the <c>conference error</c> of a manager that does not host the conference (<c>kapi_conference:conference_error/1</c>).
/// Each echoes the request's <c>Msg-ID</c>.
/// </summary>
internal static class SearchReplies
{
    public static JsonObject ConferenceForm(string msgId, ConferenceSnapshot snapshot, long nowGregorian, KapiSender sender)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var conference = snapshot.Conference;
        var fields = new JsonObject
        {
            [KapiHeaders.MsgId] = msgId,
            [KapiKeys.ConferenceId] = conference.Name,
            [KapiKeys.Uuid] = conference.Uuid,
            [KapiKeys.RunTime] = RunTime(conference, nowGregorian),
            [KapiKeys.StartTime] = conference.StartTime,
            [KapiKeys.Locked] = conference.Locked,
            [KapiKeys.SwitchHostname] = conference.SwitchHostname,
            [KapiKeys.SwitchUrl] = conference.SwitchUrl,
            [KapiKeys.SwitchExternalIp] = conference.SwitchExternalIp,
            [KapiKeys.ParticipantCount] = snapshot.Participants.Count,
            [KapiKeys.Participants] = new JsonArray([.. snapshot.Participants.Select(p => (JsonNode)ParticipantRecord.ToJson(p, conference))]),
        };
        return KapiMessage.Build(KapiConference.SearchResp, fields, sender);
    }

    /// <summary>
    /// <c>Account-ID</c> echoed and <c>Conferences</c> = <c>{conf: stats}</c> for every conference of the account
    /// hosted here (an empty object when none).
    /// </summary>
    public static JsonObject AccountForm(string msgId, string accountId, IEnumerable<ConferenceSnapshot> hosted, long nowGregorian, KapiSender sender)
    {
        ArgumentNullException.ThrowIfNull(hosted);
        var conferences = new JsonObject();
        foreach (var (conference, participants) in hosted.Where(s => s.Conference.AccountId == accountId))
        {
            var moderators = participants.Count(p => p.ChannelVars.IsModerator);
            conferences[conference.Name] = new JsonObject
            {
                [KapiKeys.Uuid] = conference.Uuid,
                [KapiKeys.RunTime] = RunTime(conference, nowGregorian),
                [KapiKeys.StartTime] = conference.StartTime,
                ["Is-Locked"] = conference.Locked,
                [KapiKeys.SwitchHostname] = conference.SwitchHostname,
                [KapiKeys.SwitchUrl] = conference.SwitchUrl,
                [KapiKeys.SwitchExternalIp] = conference.SwitchExternalIp,
                [KapiKeys.ParticipantCount] = participants.Count,
                ["Moderators"] = moderators,
                ["Members"] = participants.Count - moderators,
            };
        }
        var fields = new JsonObject
        {
            [KapiHeaders.MsgId] = msgId,
            [KapiHeaders.AccountId] = accountId,
            [KapiKeys.Conferences] = conferences,
        };
        return KapiMessage.Build(KapiConference.SearchResp, fields, sender);
    }

    /// <summary>"Conference {conf} not found", with the original request.</summary>
    public static JsonObject NotFound(string msgId, string conferenceId, JsonObject request, KapiSender sender)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = new JsonObject
        {
            [KapiHeaders.MsgId] = msgId,
            [KapiKeys.ConferenceId] = conferenceId,
            [KapiKeys.ErrorMessage] = $"Conference {conferenceId} not found",
            [KapiKeys.Request] = request.DeepClone(),
        };
        return KapiMessage.Build(KapiConference.ConferenceError, fields, sender);
    }

    private static long RunTime(SimulatedConference conference, long nowGregorian) => Math.Max(0, nowGregorian - conference.StartTime);
}
