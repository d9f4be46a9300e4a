using System.Threading.Channels;

namespace Conferences.Infrastructure.Tests.Messaging.RabbitMq;

/// <summary>What a plain AMQP consumer received, for a test to await.</summary>
public sealed class RawInbox
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private readonly Channel<RawMessage> received = Channel.CreateUnbounded<RawMessage>();

    public string QueueName { get; internal set; } = string.Empty;

    internal void Add(RawMessage message) => received.Writer.TryWrite(message);

    public async Task<RawMessage> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            return await received.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"nothing reached queue {QueueName} within {Patience.TotalSeconds} s");
        }
    }

    public async Task AssertNothingAsync(TimeSpan window)
    {
        await Task.Delay(window);
        Assert.False(received.Reader.TryRead(out var unexpected), $"unexpected message {unexpected?.RoutingKey}");
    }
}
