namespace Conferences.MediaServer.Search;

// ecallmgr_fs_conferences.erl's search replies, each echoing the request's Msg-ID.
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

    // Conferences = {conf: stats} for the account's conferences hosted here (empty object when none).
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

    // "Conference {conf} not found", with the original request.
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
