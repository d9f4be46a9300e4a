namespace Conferences.Core.Realtime;

/// <summary>What applying one conference event did to the live state.</summary>
public enum LiveApplyOutcome
{
    /// <summary>The state follows the event.</summary>
    Applied,

    /// <summary>
    /// Applied, and a member joined whose record only a search completes: an <c>add-member</c> event carries no
    /// <c>Join-Time</c> and no <c>Custom-Application-Vars</c> (<c>kapi_conference:event/1</c>, <c>kapi_conference:search_resp/1</c>), so the arrival time
    /// stands in for the first and the second is unknown until a search of the conference fills both in.
    /// </summary>
    Incomplete,

    /// <summary>Not an event the live state tracks (another <c>Event</c> value, a member event without a call id).</summary>
    Ignored,

    /// <summary>
    /// The event does not fit what the state knew (a member event of an unknown conference or participant, a
    /// <c>del-member</c> of an unknown call, a lock of a conference not known to run, another instance id): the
    /// state took what the event says and the conference needs a resync by search.
    /// </summary>
    Inconsistent,
}
