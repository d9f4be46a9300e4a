using System.Threading.Channels;

namespace Conferences.Infrastructure.Tests.Messaging;

/// <summary>A subscription handler that keeps what it receives, for a test to await.</summary>
public sealed class DeliveryInbox
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private readonly Channel<KapiDelivery> received = Channel.CreateUnbounded<KapiDelivery>();

    public KapiMessageHandler Handler => (delivery, _) =>
    {
        received.Writer.TryWrite(delivery);
        return Task.CompletedTask;
    };

    public async Task<KapiDelivery> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            return await received.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"nothing delivered within {Patience.TotalSeconds} s");
        }
    }

    public async Task<List<KapiDelivery>> TakeAsync(int count)
    {
        var deliveries = new List<KapiDelivery>();
        while (deliveries.Count < count)
        {
            deliveries.Add(await NextAsync());
        }
        return deliveries;
    }

    /// <summary>Waits <paramref name="window"/> and asserts nothing (more) arrived.</summary>
    public async Task AssertNothingAsync(TimeSpan window)
    {
        await Task.Delay(window);
        Assert.False(received.Reader.TryRead(out var unexpected), $"unexpected delivery {unexpected?.RoutingKey}");
    }

    /// <summary>Everything received so far, without waiting.</summary>
    public List<KapiDelivery> Drain()
    {
        var deliveries = new List<KapiDelivery>();
        while (received.Reader.TryRead(out var delivery))
        {
            deliveries.Add(delivery);
        }
        return deliveries;
    }
}
