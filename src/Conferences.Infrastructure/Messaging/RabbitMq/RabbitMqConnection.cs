using Conferences.Core.Messaging;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Conferences.Infrastructure.Messaging.RabbitMq;

/// <summary>
/// The one AMQP connection of the process (house style §6), opened on first use with the client's automatic and
/// topology recovery. While it is down — never opened, lost and recovering, blocked by a broker alarm, or closed —
/// callers get <see cref="BusUnavailableException"/> at once instead of waiting: opening is tried again by the next
/// caller (bounded by <see cref="RabbitMqOptions.ConnectTimeout"/>); a lost connection is recovered by the client,
/// which declares Kazoo's exchanges and the live subscriptions' queues, bindings and consumers again.
/// </summary>
internal sealed partial class RabbitMqConnection(RabbitMqOptions options, RabbitMqRegistry registry, ILogger logger) : IAsyncDisposable
{
    private readonly RabbitMqEndpoint endpoint = RabbitMqEndpoint.TryParse(options.ConnectionString, out var parsed, out var error)
        ? parsed
        : throw new InvalidOperationException(error);
    private readonly Lock gate = new();
    private Task<IConnection>? opening;
    private IConnection? connection;
    private string? blockedBecause;
    private bool recovering;
    private bool closed;

    public RabbitMqEndpoint Endpoint => endpoint;

    /// <summary>Whether the broker has blocked publishing (memory or disk alarm), and why.</summary>
    public string? BlockedBecause => Volatile.Read(ref blockedBecause);

    /// <summary>
    /// The open connection, opening it if it never was. Callers share one attempt at a time and wait for it at most
    /// <see cref="RabbitMqOptions.ConnectTimeout"/>; an attempt that succeeds after they gave up still serves the next
    /// ones (a silent broker can keep the client's handshake waiting longer than the caller should).
    /// </summary>
    /// <exception cref="BusUnavailableException">the broker cannot be reached or the connection is recovering.</exception>
    public async Task<IConnection> GetAsync(CancellationToken ct)
    {
        Task<IConnection> attempt;
        lock (gate)
        {
            if (connection is { } current)
            {
                return Usable(current);
            }
            if (closed)
            {
                throw new BusUnavailableException("the RabbitMQ bus is closed");
            }
            // On the thread pool, so the attempt never completes before it is stored.
            attempt = opening ??= Task.Run(OpenAndKeepAsync, CancellationToken.None);
        }
        try
        {
            return Usable(await attempt.WaitAsync(options.ConnectTimeout, ct).ConfigureAwait(false));
        }
        catch (TimeoutException)
        {
            throw RabbitMqFailures.TimedOut($"connecting to {endpoint.Display}", options.ConnectTimeout);
        }
    }

    public async ValueTask DisposeAsync()
    {
        IConnection? current;
        lock (gate)
        {
            closed = true;
            current = connection;
            connection = null;
        }
        if (current is null)
        {
            return; // an attempt still under way closes what it opens
        }
        await CloseAsync(current).ConfigureAwait(false);
    }

    private async Task<IConnection> OpenAndKeepAsync()
    {
        try
        {
            var created = await OpenAsync().ConfigureAwait(false);
            bool keep;
            lock (gate)
            {
                keep = !closed;
                if (keep)
                {
                    connection = created;
                }
            }
            if (!keep)
            {
                await CloseAsync(created).ConfigureAwait(false);
                throw new BusUnavailableException("the RabbitMQ bus is closed");
            }
            return created;
        }
        finally
        {
            lock (gate)
            {
                opening = null;
            }
        }
    }

    private async Task CloseAsync(IConnection current)
    {
        try
        {
            await current.CloseAsync(Constants.ReplySuccess, "conferences shutting down", options.OperationTimeout, abort: false).ConfigureAwait(false);
        }
        catch (Exception e) when (RabbitMqFailures.IsBrokerFailure(e) || e is OperationCanceledException)
        {
            // the broker is gone, or did not confirm the close within the budget (a busy broker at shutdown)
            LogCloseFailed(e);
        }
        current.Dispose();
    }

    private IConnection Usable(IConnection current)
    {
        if (Volatile.Read(ref closed))
        {
            throw new BusUnavailableException("the RabbitMQ bus is closed");
        }
        // Open again is not enough: until the client has declared the subscriptions' queues again, messages would be lost.
        if (!current.IsOpen || Volatile.Read(ref recovering))
        {
            var reason = current.CloseReason is { } why ? $" ({why.ReplyCode} {why.ReplyText})" : string.Empty;
            throw new BusUnavailableException($"the connection to {endpoint.Display} is down and being recovered{reason}");
        }
        return current;
    }

    private async Task<IConnection> OpenAsync()
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
        Watch(created);
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
}
