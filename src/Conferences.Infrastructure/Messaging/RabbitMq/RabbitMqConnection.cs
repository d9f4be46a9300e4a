using RabbitMQ.Client;

namespace Conferences.Infrastructure.Messaging.RabbitMq;

// The one AMQP connection of the process (docs/amqp.md, "Reliability"): while it is down callers fail at once instead
// of waiting.
internal sealed partial class RabbitMqConnection : IAsyncDisposable
{
    private readonly RabbitMqOptions options;
    private readonly RabbitMqEndpoint endpoint;
    private readonly RabbitMqConnectionEvents events;
    private readonly RabbitMqConnector connector;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private Task<IConnection>? opening;
    private IConnection? connection;
    private bool closed;

    public RabbitMqConnection(RabbitMqOptions options, RabbitMqRegistry registry, ILogger logger)
    {
        this.options = options;
        this.logger = logger;
        endpoint = RabbitMqEndpoint.TryParse(options.ConnectionString, out var parsed, out var error)
            ? parsed
            : throw new InvalidOperationException(error);
        events = new RabbitMqConnectionEvents(endpoint, registry, logger);
        connector = new RabbitMqConnector(options, endpoint, registry, events, logger);
    }

    public event Action? Recovered
    {
        add => events.Recovered += value;
        remove => events.Recovered -= value;
    }

    public RabbitMqEndpoint Endpoint => endpoint;

    public string? BlockedBecause => events.BlockedBecause;

    // One attempt at a time, each caller waiting at most ConnectTimeout; a late success still serves the next callers.
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
            var created = await connector.OpenAsync().ConfigureAwait(false);
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
        if (!current.IsOpen || events.IsRecovering)
        {
            var reason = current.CloseReason is { } why ? $" ({why.ReplyCode} {why.ReplyText})" : string.Empty;
            throw new BusUnavailableException($"the connection to {endpoint.Display} is down and being recovered{reason}");
        }
        return current;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing the RabbitMQ connection failed")]
    private partial void LogCloseFailed(Exception exception);
}
