using System.Collections.Concurrent;
using System.Globalization;
using Conferences.Core.Kazoo;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Conferences.Benchmarks.Bus;

/// <summary>
/// The baseline of a search round trip: plain RabbitMQ.Client 7 on a connection of its own. The requester publishes
/// fixed request bytes (a stamped <c>search_req</c>) with a confirm to the <c>conference</c> topic exchange on a
/// routing key only the raw responder binds; the responder answers every request with fixed reply bytes (a real
/// <c>search_resp</c>), confirmed, to <c>targeted</c> with the requester's reply-queue name — the wire path of
/// <c>kz_amqp_worker:call_collect</c> — but correlated by the AMQP <c>correlation_id</c> property, with no JSON parsed on
/// either side. Both consumers ack manually with the bus's prefetch (50).
/// </summary>
public sealed class RawRabbitRequestReply : IAsyncDisposable
{
    private static readonly CreateChannelOptions Confirming = new(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);

    private readonly IConnection connection;
    private readonly ReadOnlyMemory<byte> request;
    private readonly ReadOnlyMemory<byte> reply;
    private readonly string routingKey = $"bench.discovery.{KazooIds.RandomHex(4)}";
    private readonly ConcurrentDictionary<string, TaskCompletionSource> pending = new(StringComparer.Ordinal);
    private readonly List<IChannel> channels = [];
    private IChannel requests = null!;
    private string replyQueue = string.Empty;
    private long next;

    public RawRabbitRequestReply(IConnection connection, byte[] request, byte[] reply)
    {
        this.connection = connection;
        this.request = request;
        this.reply = reply;
    }

    public async Task StartAsync(CancellationToken ct)
    {
        // the responder: an anonymous queue on the topic exchange, replies on a confirming channel of its own
        var responderIn = await OpenAsync(null, ct).ConfigureAwait(false);
        var responderOut = await OpenAsync(Confirming, ct).ConfigureAwait(false);
        var inbox = await responderIn.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: ct).ConfigureAwait(false);
        await responderIn.QueueBindAsync(inbox.QueueName, "conference", routingKey, cancellationToken: ct).ConfigureAwait(false);
        var responder = new AsyncEventingBasicConsumer(responderIn);
        responder.ReceivedAsync += async (_, delivery) =>
        {
            var answer = new BasicProperties { ContentType = "application/json", CorrelationId = delivery.BasicProperties.CorrelationId };
            await responderOut.BasicPublishAsync("targeted", delivery.BasicProperties.ReplyTo!, mandatory: false, answer, reply).ConfigureAwait(false);
            await responderIn.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None).ConfigureAwait(false);
        };
        await responderIn.BasicConsumeAsync(inbox.QueueName, autoAck: false, responder, ct).ConfigureAwait(false);

        // the requester: a reply queue bound to targeted with its own name, and a confirming channel for requests
        var replies = await OpenAsync(null, ct).ConfigureAwait(false);
        var own = await replies.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: ct).ConfigureAwait(false);
        replyQueue = own.QueueName;
        await replies.QueueBindAsync(replyQueue, "targeted", replyQueue, cancellationToken: ct).ConfigureAwait(false);
        var listener = new AsyncEventingBasicConsumer(replies);
        listener.ReceivedAsync += async (_, delivery) =>
        {
            await replies.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None).ConfigureAwait(false);
            if (delivery.BasicProperties.CorrelationId is { } id && pending.TryRemove(id, out var waiter))
            {
                waiter.TrySetResult();
            }
        };
        await replies.BasicConsumeAsync(replyQueue, autoAck: false, listener, ct).ConfigureAwait(false);
        requests = await OpenAsync(Confirming, ct).ConfigureAwait(false);
    }

    /// <summary>Publishes one request (awaiting its confirm) and waits for its reply.</summary>
    public async Task RoundTripAsync(CancellationToken ct)
    {
        var id = Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture);
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = waiter;
        var properties = new BasicProperties { ContentType = "application/json", CorrelationId = id, ReplyTo = replyQueue };
        await requests.BasicPublishAsync("conference", routingKey, mandatory: false, properties, request, ct).ConfigureAwait(false);
        await waiter.Task.WaitAsync(TimeSpan.FromSeconds(5), ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in channels)
        {
            await channel.CloseAsync().ConfigureAwait(false);
            channel.Dispose();
        }
    }

    private async Task<IChannel> OpenAsync(CreateChannelOptions? options, CancellationToken ct)
    {
        var channel = await connection.CreateChannelAsync(options, ct).ConfigureAwait(false);
        channels.Add(channel);
        if (options is null)
        {
            await channel.BasicQosAsync(0, 50, global: false, ct).ConfigureAwait(false);
        }
        return channel;
    }
}
