namespace Conferences.MediaServer.State;

// Thread-safe; reads return immutable records. Member ids only grow for the life of the instance, as on one FreeSWITCH.
internal sealed class SimulatorState
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, SimulatedConference> conferences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimulatedParticipant> participants = new(StringComparer.Ordinal);
    private long lastMemberId;

    public long NextMemberId() => Interlocked.Increment(ref lastMemberId);

    public SimulatedConference? FindConference(string name)
    {
        lock (gate)
        {
            return conferences.GetValueOrDefault(name);
        }
    }

    public SimulatedParticipant? FindParticipant(string callId)
    {
        lock (gate)
        {
            return participants.GetValueOrDefault(callId)?.Copy();
        }
    }

    // memberId null: FreeSWITCH's "last" member.
    public SimulatedParticipant? FindMember(string conference, long? memberId)
    {
        lock (gate)
        {
            var members = participants.Values.Where(p => p.ConferenceName == conference);
            var member = memberId is { } id
                ? members.FirstOrDefault(p => p.MemberId == id)
                : members.MaxBy(p => p.MemberId);
            return member?.Copy();
        }
    }

    public IReadOnlyList<SimulatedParticipant> ParticipantsOf(string conference)
    {
        lock (gate)
        {
            return [.. participants.Values.Where(p => p.ConferenceName == conference).OrderBy(p => p.MemberId).Select(p => p.Copy())];
        }
    }

    public IReadOnlyList<ConferenceSnapshot> Snapshot()
    {
        lock (gate)
        {
            return [.. conferences.Values.OrderBy(c => c.StartTime).ThenBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => new ConferenceSnapshot(c, ParticipantsOf(c.Name)))];
        }
    }

    public ConferenceSnapshot? SnapshotOf(string name)
    {
        lock (gate)
        {
            return conferences.TryGetValue(name, out var conference) ? new ConferenceSnapshot(conference, ParticipantsOf(name)) : null;
        }
    }

    public void PutConference(SimulatedConference conference)
    {
        ArgumentNullException.ThrowIfNull(conference);
        lock (gate)
        {
            conferences[conference.Name] = conference;
        }
    }

    public void RemoveConference(string name)
    {
        lock (gate)
        {
            conferences.Remove(name);
            foreach (var callId in participants.Values.Where(p => p.ConferenceName == name).Select(p => p.CallId).ToList())
            {
                participants.Remove(callId);
            }
        }
    }

    // False when another member already has this call id.
    public bool TryAddParticipant(SimulatedParticipant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        lock (gate)
        {
            return participants.TryAdd(participant.CallId, participant.Copy());
        }
    }

    public void ReplaceParticipant(SimulatedParticipant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        lock (gate)
        {
            if (participants.ContainsKey(participant.CallId))
            {
                participants[participant.CallId] = participant.Copy();
            }
        }
    }

    public bool RemoveParticipant(string callId)
    {
        lock (gate)
        {
            return participants.Remove(callId);
        }
    }

    public bool HasCall(string callId)
    {
        lock (gate)
        {
            return participants.ContainsKey(callId);
        }
    }
}
