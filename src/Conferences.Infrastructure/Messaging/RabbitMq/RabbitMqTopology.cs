using RabbitMQ.Client;

namespace Conferences.Infrastructure.Messaging.RabbitMq;

// Exchanges exactly as kz_amqp_util:new_exchange/3 declares them, so a running Kazoo's broker never answers
// PRECONDITION_FAILED; queues without Kazoo's x-max-length/x-message-ttl (docs/amqp.md, "Queues"); a durable queue
// is durable, never auto-deleted, with a single active consumer.
internal static class RabbitMqTopology
{
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

    // The broker names an anonymous queue amq.gen-….
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
