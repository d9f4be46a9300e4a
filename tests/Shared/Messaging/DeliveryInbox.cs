using System.Threading.Channels;
using Conferences.Core.Messaging;
using Xunit;

namespace Conferences.Tests.Messaging;

/// <summary>
/// A subscription handler that keeps what it receives, in order, for a test to await; shared (linked) by the
/// Infrastructure and media-server test projects.
/// </summary>
public sealed class DeliveryInbox
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Channel<KapiDelivery> received = Channel.CreateUnbounded<KapiDelivery>();
    private readonly List<KapiDelivery> backlog = [];

    public KapiMessageHandler Handler => (delivery, _) =>
    {
        received.Writer.TryWrite(delivery);
        return Task.CompletedTask;
    };

    /// <summary>The next delivery in arrival order.</summary>
    public Task<KapiDelivery> NextAsync() => WaitForAsync(_ => true);

    /// <summary>The first delivery (in arrival order) matching <paramref name="match"/>; the others stay for later calls.</summary>
    public async Task<KapiDelivery> WaitForAsync(Func<KapiDelivery, bool> match)
    {
        var kept = backlog.FindIndex(d => match(d));
        if (kept >= 0)
        {
            var found = backlog[kept];
            backlog.RemoveAt(kept);
            return found;
        }
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            while (true)
            {
                var delivery = await received.Reader.ReadAsync(timeout.Token);
                if (match(delivery))
                {
                    return delivery;
                }
                backlog.Add(delivery);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no matching delivery within {Patience.TotalSeconds} s; had {string.Join(", ", backlog.Select(d => d.RoutingKey))}");
        }
    }

    /// <summary>The first delivery matching <paramref name="match"/>; those received before it are dropped.</summary>
    public async Task<KapiDelivery> SkipToAsync(Func<KapiDelivery, bool> match)
    {
        var found = await WaitForAsync(match);
        backlog.Clear();
        return found;
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
        var unexpected = Drain();
        Assert.True(unexpected.Count == 0, $"unexpected deliveries: {string.Join(", ", unexpected.Select(d => d.RoutingKey))}");
    }

    /// <summary>Everything received and not yet taken, without waiting.</summary>
    public List<KapiDelivery> Drain()
    {
        var deliveries = new List<KapiDelivery>(backlog);
        backlog.Clear();
        while (received.Reader.TryRead(out var delivery))
        {
            deliveries.Add(delivery);
        }
        return deliveries;
    }
}
