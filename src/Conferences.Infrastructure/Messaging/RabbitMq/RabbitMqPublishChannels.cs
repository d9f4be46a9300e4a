using RabbitMQ.Client;

namespace Conferences.Infrastructure.Messaging.RabbitMq;

// Publisher-confirm channels, each lent to one publisher at a time as the client requires; a doubtful channel is
// dropped.
internal sealed class RabbitMqPublishChannels(int size) : IAsyncDisposable
{
    private static readonly CreateChannelOptions Confirming = new(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);

    private readonly SemaphoreSlim slots = new(size, size);
    private readonly ConcurrentQueue<IChannel> idle = new();
    private bool disposed;

    // Give it back with Return.
    public async Task<IChannel> RentAsync(IConnection connection, CancellationToken ct)
    {
        await slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            while (idle.TryDequeue(out var channel))
            {
                if (channel.IsOpen)
                {
                    return channel;
                }
                await DropAsync(channel).ConfigureAwait(false);
            }
            return await connection.CreateChannelAsync(Confirming, ct).ConfigureAwait(false);
        }
        catch
        {
            slots.Release();
            throw;
        }
    }

    // reusable: false when a publish was abandoned half way.
    public void Return(IChannel channel, bool reusable)
    {
        if (reusable && channel.IsOpen && !Volatile.Read(ref disposed))
        {
            idle.Enqueue(channel);
        }
        else
        {
            _ = DropAsync(channel);
        }
        slots.Release();
    }

    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref disposed, true);
        while (idle.TryDequeue(out var channel))
        {
            await DropAsync(channel).ConfigureAwait(false);
        }
    }

    private static async Task DropAsync(IChannel channel)
    {
        try
        {
            if (channel.IsOpen)
            {
                await channel.CloseAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e) when (RabbitMqFailures.IsBrokerFailure(e) || e is OperationCanceledException)
        {
            // already gone with its connection, or the broker did not confirm the close in time (shutdown)
        }
        channel.Dispose();
    }
}
