namespace Conferences.Core.Realtime;

/// <summary>An immutable snapshot of one running conference (<c>ecallmgr_fs_conferences.erl</c>), replaced on every
/// change.</summary>
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

    public long RunTime(long nowGregorian) => Math.Max(0, nowGregorian - StartTime);

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

    // Adds participant, or replaces the member with the same call id.
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

    internal LiveConference WithoutCall(string callId) =>
        this with { Participants = [.. participants.Where(p => !string.Equals(p.CallId, callId, StringComparison.Ordinal))] };
}
