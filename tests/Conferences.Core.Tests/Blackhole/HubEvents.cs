using static Conferences.Core.Tests.Blackhole.FakeAuthenticator;

namespace Conferences.Core.Tests.Blackhole;

/// <summary>The conference events the hub and session tests deliver: Alice's conference c1 and its binding key.</summary>
internal static class HubEvents
{
    public const string AmqpC1 = "conference.event.*." + Alice + ".c1.*";

    /// <summary>The hub's one queue for every event binding of c1.</summary>
    public const string StreamC1 = "conference.event.*.*.c1.*";

    /// <summary>The queue the hub holds for an AMQP binding: its conference's for event bindings, its own otherwise.</summary>
    public static string QueueOf(string amqpBinding) => ConferenceEventFilter.For(amqpBinding)?.StreamKey ?? amqpBinding;

    /// <summary>Whether the topic binding <paramref name="binding"/> routes <paramref name="routingKey"/> (<c>*</c> one word,
    /// <c>#</c> any number).</summary>
    public static bool Routes(string binding, string routingKey) => Routes(binding.Split('.'), routingKey.Split('.'));

    public static string RoutingKey(string eventName, string callId) => $"conference.event.{eventName}.{Alice}.c1.{callId}";

    public static JsonObject Event(string eventName, string callId) => new()
    {
        ["Event-Category"] = "conference",
        ["Event-Name"] = "event",
        ["App-Name"] = "freeswitch",
        ["App-Version"] = "1.0",
        ["Msg-ID"] = "m",
        ["Account-ID"] = Alice,
        ["Call-ID"] = callId,
        ["Event"] = eventName,
        ["Conference-ID"] = "c1",
        ["Instance-ID"] = "i",
    };

    private static bool Routes(ReadOnlySpan<string> binding, ReadOnlySpan<string> key) => binding switch
    {
        [] => key.IsEmpty,
        ["#", ..] => Routes(binding[1..], key) || (!key.IsEmpty && Routes(binding, key[1..])),
        [var word, ..] => !key.IsEmpty && (word == "*" || word == key[0]) && Routes(binding[1..], key[1..]),
    };
}
