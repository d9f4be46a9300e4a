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
}
