using RabbitMQ.Client;

namespace Conferences.Infrastructure.Messaging.RabbitMq;

/// <summary>
/// Exchanges declared exactly as Kazoo declares them (<c>kz_amqp_util:new_exchange/3</c>: non-durable, not
/// auto-deleted, not internal, no arguments), so declaring against the broker of a running Kazoo never fails with
/// PRECONDITION_FAILED. Queues as <c>kz_amqp_util:new_queue/2</c> shapes them — non-durable, auto-deleted — but
/// without the <c>x-max-length</c> 100 / <c>x-message-ttl</c> 60 s arguments Kazoo adds by default: our queues are
/// our own (anonymous, or named after this process), and a full queue must not drop searches or replies. An exclusive
/// queue is also AMQP-exclusive (gone with our connection); a shared one is not, so several processes consume it.
/// A durable queue is durable, never auto-deleted, and has a single active consumer (<c>x-single-active-consumer</c>).
/// </summary>
internal static class RabbitMqTopology
{
    /// <summary>The exchanges this service uses (docs/amqp.md), declared whenever the connection opens.</summary>
    public static readonly IReadOnlyList<KapiExchange> KazooExchanges = [KapiExchange.Conference, KapiExchange.Targeted, KapiExchange.Nodes];

    public static string TypeOf(KapiExchange exchange) => exchange.Type switch
    {
        KapiExchangeType.Direct => ExchangeType.Direct,
        KapiExchangeType.Topic => ExchangeType.Topic,
        KapiExchangeType.Fanout => ExchangeType.Fanout,
        _ => throw new ArgumentOutOfRangeException(nameof(exchange), exchange.Type, "unknown exchange type"),
    };

    public static Task DeclareAsync(IChannel channel, KapiExchange exchange, CancellationToken ct) =>
        channel.ExchangeDeclareAsync(exchange.Name, TypeOf(exchange), durable: false, autoDelete: false, arguments: null,
            passive: false, noWait: false, cancellationToken: ct);

    /// <returns>the queue's name (the broker names an anonymous one <c>amq.gen-…</c>).</returns>
    public static async Task<string> DeclareAsync(IChannel channel, KapiQueue queue, CancellationToken ct)
    {
        var arguments = queue.IsDurable ? new Dictionary<string, object?> { ["x-single-active-consumer"] = true } : null;
        var declared = await channel.QueueDeclareAsync(queue.Name ?? string.Empty, durable: queue.IsDurable, exclusive: !queue.IsShared,
            autoDelete: !queue.IsDurable, arguments: arguments, passive: false, noWait: false, cancellationToken: ct).ConfigureAwait(false);
        // A fanout exchange ignores routing keys, but a queue still needs one binding to it.
        IEnumerable<string> keys = queue.Bindings.Count == 0 ? [string.Empty] : queue.Bindings.Distinct(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            await channel.QueueBindAsync(declared.QueueName, queue.Exchange.Name, key, arguments: null, noWait: false, cancellationToken: ct)
                .ConfigureAwait(false);
        }
        return declared.QueueName;
    }
}
