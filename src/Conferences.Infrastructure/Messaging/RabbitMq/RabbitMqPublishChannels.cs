using RabbitMQ.Client;

namespace Conferences.Infrastructure.Messaging.RabbitMq;

/// <summary>
/// The publishing channels: at most <c>size</c>, each lent to one publisher at a time (a channel is never shared by
/// concurrent publishers, as the RabbitMQ .NET client requires), all in publisher-confirm mode with confirmation tracking, so a publish
/// completes when the broker confirmed it. A channel the broker closed, or one whose publish was abandoned, is
/// dropped and a new one opened when needed; a connection recovery reopens the idle ones in place.
/// </summary>
internal sealed class RabbitMqPublishChannels(int size) : IAsyncDisposable
{
    private static readonly CreateChannelOptions Confirming = new(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);

    private readonly SemaphoreSlim slots = new(size, size);
    private readonly ConcurrentQueue<IChannel> idle = new();
    private bool disposed;

    /// <summary>A channel of <paramref name="connection"/> for this caller alone; give it back with <see cref="Return"/>.</summary>
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

    /// <param name="reusable">false when the channel's state is unknown (a publish was abandoned half way).</param>
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
