using RabbitMQ.Client;

namespace Conferences.Infrastructure.Messaging.RabbitMq;

// Automatic and topology recovery (only live subscriptions' topology), and Kazoo's exchanges declared.
internal sealed partial class RabbitMqConnector(RabbitMqOptions options, RabbitMqEndpoint endpoint, RabbitMqRegistry registry, RabbitMqConnectionEvents events, ILogger logger)
{
    public async Task<IConnection> OpenAsync()
    {
        using var budget = new CancellationTokenSource(options.ConnectTimeout);
        IConnection created;
        try
        {
            created = await Factory().CreateConnectionAsync(options.ClientName, budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw RabbitMqFailures.TimedOut($"connecting to {endpoint.Display}", options.ConnectTimeout);
        }
        catch (Exception e) when (RabbitMqFailures.IsBrokerFailure(e))
        {
            // BrokerUnreachableException wraps the reason (refused, authentication, vhost) a few levels down.
            var reason = e.GetBaseException().Message;
            LogConnectFailed(endpoint.Display, reason);
            throw new BusUnavailableException($"cannot connect to RabbitMQ at {endpoint.Display}: {reason}", e);
        }
        events.Watch(created);
        try
        {
            await DeclareKazooExchangesAsync(created, budget.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException || RabbitMqFailures.IsBrokerFailure(e))
        {
            await created.AbortAsync(CancellationToken.None).ConfigureAwait(false);
            created.Dispose();
            throw e is OperationCanceledException
                ? RabbitMqFailures.TimedOut("declaring Kazoo's exchanges", options.ConnectTimeout)
                : RabbitMqFailures.Translate(e, "declaring Kazoo's exchanges");
        }
        LogConnected(endpoint.Display);
        return created;
    }

    private ConnectionFactory Factory() => new()
    {
        Uri = endpoint.Uri,
        AutomaticRecoveryEnabled = true,
        TopologyRecoveryEnabled = true,
        TopologyRecoveryFilter = new TopologyRecoveryFilter
        {
            // Only what live subscriptions use; exchanges always (they are Kazoo's and shared).
            QueueFilter = queue => registry.IsLiveQueue(queue.Name),
            BindingFilter = binding => registry.IsLiveQueue(binding.Destination),
            ConsumerFilter = consumer => registry.IsLiveConsumer(consumer.ConsumerTag),
        },
        NetworkRecoveryInterval = options.RecoveryInterval,
        RequestedConnectionTimeout = options.ConnectTimeout,
        HandshakeContinuationTimeout = options.ConnectTimeout,
        ContinuationTimeout = options.OperationTimeout,
        RequestedHeartbeat = options.Heartbeat,
        ClientProvidedName = options.ClientName,
    };

    // Kazoo's crossbar and ecallmgr declare these at start (kapi_conference:declare_exchanges/0, kz_nodes); so do we,
    // one by one, so that an exchange a broker holds with other flags does not keep us from the others.
    private async Task DeclareKazooExchangesAsync(IConnection created, CancellationToken ct)
    {
        foreach (var exchange in RabbitMqTopology.KazooExchanges)
        {
            await using var channel = await created.CreateChannelAsync(cancellationToken: ct).ConfigureAwait(false);
            try
            {
                await RabbitMqTopology.DeclareAsync(channel, exchange, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (RabbitMqFailures.Translate(e, exchange.Name) is InvalidOperationException refused)
            {
                // It exists with other flags: publishing and binding to it still work.
                LogExchangeRefused(exchange.Name, refused.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to RabbitMQ at {Broker}")]
    private partial void LogConnected(string broker);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot connect to RabbitMQ at {Broker}: {Reason}")]
    private partial void LogConnectFailed(string broker, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exchange {Exchange} exists with other properties; using it as it is ({Reason})")]
    private partial void LogExchangeRefused(string exchange, string reason);
}
