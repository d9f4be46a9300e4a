namespace Conferences.Infrastructure.Messaging.InProcess;

public sealed class InProcessBusOptions
{
    /// <summary>Back-pressure like a broker's flow control: publishing to a full queue waits for room or
    /// cancellation.</summary>
    public int QueueCapacity { get; set; } = 10_000;
}
