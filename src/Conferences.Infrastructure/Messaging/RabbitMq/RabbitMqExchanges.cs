using RabbitMQ.Client;

namespace Conferences.Infrastructure.Messaging.RabbitMq;

// Kazoo's exchanges are declared with the connection, others on first use, so a publish never declares twice.
internal sealed class RabbitMqExchanges
{
    private readonly ConcurrentDictionary<string, KapiExchangeType> known = new(StringComparer.Ordinal);

    public RabbitMqExchanges()
    {
        foreach (var exchange in RabbitMqTopology.KazooExchanges)
        {
            known[exchange.Name] = exchange.Type;
        }
    }

    public void Add(KapiExchange exchange) => known.TryAdd(exchange.Name, exchange.Type);

    public async Task EnsureAsync(IConnection open, KapiExchange exchange, CancellationToken ct)
    {
        if (known.TryGetValue(exchange.Name, out var type))
        {
            if (type != exchange.Type)
            {
                throw new InvalidOperationException($"exchange {exchange.Name} is a {type} exchange, not {exchange.Type}");
            }
            return;
        }
        await using var channel = await open.CreateChannelAsync(cancellationToken: ct).ConfigureAwait(false);
        try
        {
            await RabbitMqTopology.DeclareAsync(channel, exchange, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (RabbitMqFailures.IsBrokerFailure(e))
        {
            throw RabbitMqFailures.Translate(e, $"declaring exchange {exchange.Name}");
        }
        Add(exchange);
    }
}
