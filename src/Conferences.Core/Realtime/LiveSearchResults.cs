using H = Conferences.Core.Kapi.KapiHeaders;
using K = Conferences.Core.Kapi.KapiKeys;

namespace Conferences.Core.Realtime;

/// <summary>Only replies that validate as <c>search_resp</c> count; a <c>conference error</c> only counts as an
/// answer.</summary>
public static class LiveSearchResults
{
    /// <summary>When several managers claim the conference, the largest <c>Run-Time</c> wins
    /// (<c>cb_conferences.erl</c>).</summary>
    public static LiveConference? Conference(IEnumerable<JsonObject> replies, string accountId, string conferenceId, long nowGregorian)
    {
        ArgumentNullException.ThrowIfNull(replies);
        JsonObject? best = null;
        long bestRunTime = -1;
        foreach (var reply in replies)
        {
            if (!KapiMessage.IsValid(KapiConference.SearchResp, reply) || LiveJson.GetString(reply, K.ConferenceId) != conferenceId)
            {
                continue;
            }
            var runTime = LiveJson.GetLong(reply[K.RunTime]) ?? 0;
            if (runTime > bestRunTime)
            {
                (best, bestRunTime) = (reply, runTime);
            }
        }
        return best is null ? null : ToConference(best, accountId, conferenceId, nowGregorian);
    }

    /// <summary>The <c>Conferences</c> objects merged, later replies overriding earlier keys
    /// (<c>cb_conferences.erl</c>).</summary>
    public static IReadOnlyCollection<string> AccountConferenceIds(IEnumerable<JsonObject> replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reply in replies)
        {
            if (KapiMessage.IsValid(KapiConference.SearchResp, reply) && reply[K.Conferences] is JsonObject conferences)
            {
                ids.UnionWith(conferences.Select(c => c.Key));
            }
        }
        return ids;
    }

    private static LiveConference ToConference(JsonObject reply, string accountId, string conferenceId, long now)
    {
        var participants = new List<LiveParticipant>();
        if (reply[K.Participants] is JsonArray records)
        {
            foreach (var record in records.OfType<JsonObject>())
            {
                if (ToParticipant(record, now) is { } participant)
                {
                    participants.Add(participant);
                }
            }
        }
        var runTime = LiveJson.GetLong(reply[K.RunTime]);
        return new LiveConference
        {
            AccountId = accountId,
            ConferenceId = conferenceId,
            Uuid = LiveJson.GetString(reply, K.Uuid) ?? string.Empty,
            StartTime = LiveJson.GetLong(reply[K.StartTime]) ?? (now - (runTime ?? 0)),
            IsLocked = LiveJson.TryGetBool(reply[K.Locked], out var locked) && locked,
            SwitchHostname = LiveJson.GetString(reply, K.SwitchHostname) ?? LiveEvent.HostOf(LiveJson.GetString(reply, H.Node)),
            SwitchUrl = LiveJson.GetString(reply, K.SwitchUrl),
            SwitchExternalIp = LiveJson.GetString(reply, K.SwitchExternalIp),
            Participants = participants,
        };
    }

    // A record without Call-ID cannot be followed by events and is skipped.
    private static LiveParticipant? ToParticipant(JsonObject record, long now)
    {
        if (LiveJson.GetString(record, H.CallId) is not { } callId)
        {
            return null;
        }
        var vars = record[K.ConferenceChannelVars] is JsonObject channelVars ? LiveChannelVars.From(channelVars) : default;
        return new LiveParticipant(
            LiveJson.GetLong(record[K.ParticipantId]) ?? vars.MemberId ?? 0,
            callId,
            LiveJson.GetLong(record["Join-Time"]) ?? now,
            LiveJson.GetString(record, K.CallerIdName),
            LiveJson.GetString(record, K.CallerIdNumber),
            vars,
            CompactJson.From(record[K.CustomChannelVars]),
            CompactJson.From(record[K.CustomApplicationVars]));
    }
}
