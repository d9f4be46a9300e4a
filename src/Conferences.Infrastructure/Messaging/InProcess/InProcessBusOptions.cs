namespace Conferences.Infrastructure.Messaging.InProcess;

/// <summary>Settings of the embedded bus.</summary>
public sealed class InProcessBusOptions
{
    /// <summary>
    /// Messages a subscription may hold before publishers to it wait (back-pressure, like a broker's flow
    /// control). Publishing to a full queue waits for room or for the publisher's cancellation.
    /// </summary>
    public int QueueCapacity { get; set; } = 10_000;
}
