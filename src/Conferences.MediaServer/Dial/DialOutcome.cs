namespace Conferences.MediaServer.Dial;

// What a simulated endpoint does, chosen by its SIP user part (docs/amqp.md, "What a media manager does").
internal enum DialOutcome
{
    Answer,

    Busy,

    NoAnswer,

    Fail,
}
