namespace Conferences.Core.Actions.Applied;

/// <summary>
/// A conference event that confirms a command took effect (docs/compatibility.md, "Actions a script can trust"):
/// its <c>Event</c> and, for a member, the participant id or the call id it must name.
/// </summary>
public sealed record AppliedExpectation(string Event, long? ParticipantId = null, string? CallId = null)
{
    public bool IsMetBy(LiveEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Event == Event
            && (ParticipantId is null || e.ParticipantId == ParticipantId)
            && (CallId is null || string.Equals(e.CallId, CallId, StringComparison.Ordinal));
    }

    /// <summary><c>{"event": …, "participant_id": …, "call_id": …}</c>, from the confirming event when there is one.</summary>
    public JsonObject ToJson(LiveEvent? by = null)
    {
        var json = new JsonObject { ["event"] = Event };
        if ((by?.ParticipantId ?? ParticipantId) is { } participant)
        {
            json["participant_id"] = participant;
        }
        if ((by?.CallId ?? CallId) is { } call && (CallId is not null || Event == KapiConferenceEvents.AddMember || Event == KapiConferenceEvents.DelMember))
        {
            json["call_id"] = call;
        }
        return json;
    }
}
