namespace Conferences.MediaServer.Dial;

/// <summary>What a simulated endpoint does when dialled (docs/amqp.md), chosen by the user part of its SIP URI.</summary>
internal enum DialOutcome
{
    /// <summary>Answers after the answer delay and joins the conference.</summary>
    Answer,

    /// <summary><c>sip:busy@…</c>: the leg fails with hangup cause <c>USER_BUSY</c>.</summary>
    Busy,

    /// <summary><c>sip:noanswer@…</c>: rings until the dial <c>Timeout</c>, then <c>timeout</c>.</summary>
    NoAnswer,

    /// <summary><c>sip:fail@…</c>: the dial command fails, <c>unknown failure</c>.</summary>
    Fail,
}
