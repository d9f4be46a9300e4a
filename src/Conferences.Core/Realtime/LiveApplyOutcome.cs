namespace Conferences.Core.Realtime;

public enum LiveApplyOutcome
{
    Applied,

    /// <summary>Applied, but <c>add-member</c> lacks <c>Join-Time</c> and <c>Custom-Application-Vars</c>: a search
    /// fills them in.</summary>
    Incomplete,

    Ignored,

    /// <summary>The state took what the event says; the conference needs a resync by search.</summary>
    Inconsistent,
}
