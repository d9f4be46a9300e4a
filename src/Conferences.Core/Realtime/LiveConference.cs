namespace Conferences.Core.Realtime;

/// <summary>
/// A running conference at one moment (<c>ecallmgr_fs_conferences.erl</c>): its FreeSWITCH instance (<see cref="Uuid"/>, the
/// events' <c>Instance-ID</c>), start time in Gregorian seconds, lock, media server and members ordered by
/// participant id. Immutable and safe to hand to any reader; the live state replaces it on every change.
/// </summary>
public sealed record LiveConference
{
    private readonly LiveParticipant[] participants = [];

    public required string AccountId { get; init; }

    public required string ConferenceId { get; init; }

    public required string Uuid { get; init; }

    public required long StartTime { get; init; }

    public bool IsLocked { get; init; }

    /// <summary>Host part of the media node name (<c>kapi_conference:search_resp/1</c> <c>Switch-Hostname</c>).</summary>
    public string? SwitchHostname { get; init; }

    public string? SwitchUrl { get; init; }

    public string? SwitchExternalIp { get; init; }

    /// <summary>Ordered by participant id; never changed after the record is made.</summary>
    public IReadOnlyList<LiveParticipant> Participants
    {
        get => participants;
        init
        {
            LiveParticipant[] copy = [.. value];
            var moderators = 0;
            var sorted = true;
            for (var i = 0; i < copy.Length; i++)
            {
                moderators += copy[i].IsModerator ? 1 : 0;
                sorted &= i == 0 || copy[i - 1].ParticipantId <= copy[i].ParticipantId;
            }
            if (!sorted)
            {
                Array.Sort(copy, static (a, b) => a.ParticipantId.CompareTo(b.ParticipantId));
            }
            participants = copy;
            Moderators = moderators;
        }
    }

    /// <summary>Participants whose <c>Is-Moderator</c> is true (<c>cb_conferences.erl</c>).</summary>
    public int Moderators { get; private init; }

    /// <summary>Participants that are not moderators (<c>cb_conferences.erl</c>).</summary>
    public int Members => participants.Length - Moderators;

    public int ParticipantCount => participants.Length;

    /// <summary>Seconds since the conference started, never negative (<c>Run-Time</c>).</summary>
    public long RunTime(long nowGregorian) => Math.Max(0, nowGregorian - StartTime);

    /// <summary>The member with this FreeSWITCH member id, or null (a binary search).</summary>
    public LiveParticipant? FindParticipant(long participantId)
    {
        int low = 0, high = participants.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var current = participants[middle].ParticipantId;
            if (current == participantId)
            {
                return participants[middle];
            }
            if (current < participantId)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return null;
    }

    public LiveParticipant? FindCall(string callId)
    {
        foreach (var participant in participants)
        {
            if (string.Equals(participant.CallId, callId, StringComparison.Ordinal))
            {
                return participant;
            }
        }
        return null;
    }

    /// <summary>The conference with <paramref name="participant"/> added, or replacing the member with the same call id.</summary>
    internal LiveConference WithParticipant(LiveParticipant participant)
    {
        // kept in participant-id order: the new member goes where its id belongs
        var kept = new List<LiveParticipant>(participants.Length + 1);
        var placed = false;
        foreach (var existing in participants)
        {
            if (string.Equals(existing.CallId, participant.CallId, StringComparison.Ordinal))
            {
                continue;
            }
            if (!placed && existing.ParticipantId > participant.ParticipantId)
            {
                kept.Add(participant);
                placed = true;
            }
            kept.Add(existing);
        }
        if (!placed)
        {
            kept.Add(participant);
        }
        return this with { Participants = kept };
    }

    /// <summary>The conference without the member of <paramref name="callId"/>.</summary>
    internal LiveConference WithoutCall(string callId) =>
        this with { Participants = [.. participants.Where(p => !string.Equals(p.CallId, callId, StringComparison.Ordinal))] };
}
