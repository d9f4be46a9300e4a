using Conferences.Benchmarks.Bus;

namespace Conferences.Benchmarks.Websocket;

/// <summary>
/// One measured phase: events published, deliveries received (bus handler calls or websocket frames; 10 per event),
/// seconds from the first publish to the last receipt, the publish → receipt delays, and sockets found closed.
/// </summary>
public sealed record Delivery(int Events, int Deliveries, double Seconds, LatencyResult Latency, int ClosedSockets)
{
    public double DeliveriesPerSecond => Seconds > 0 ? Deliveries / Seconds : 0;

    public double EventsPerSecond => Seconds > 0 ? Events / Seconds : 0;
}
