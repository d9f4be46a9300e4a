using RabbitMQ.Client;

namespace Conferences.Infrastructure.Messaging.RabbitMq;

// Loss and recovery, broker alarms that block publishing, and queues renamed by recovery.
internal sealed partial class RabbitMqConnectionEvents(RabbitMqEndpoint endpoint, RabbitMqRegistry registry, ILogger logger)
{
    private string? blockedBecause;
    private bool recovering;

    public event Action? Recovered;

    public string? BlockedBecause => Volatile.Read(ref blockedBecause);

    public bool IsRecovering => Volatile.Read(ref recovering);

    public void Watch(IConnection created)
    {
        created.ConnectionShutdownAsync += (_, e) =>
        {
            if (e.Initiator != ShutdownInitiator.Application)
            {
                Volatile.Write(ref recovering, true);
                LogLost(endpoint.Display, e.ReplyCode, e.ReplyText);
            }
            return Task.CompletedTask;
        };
        created.RecoverySucceededAsync += (_, _) =>
        {
            Volatile.Write(ref recovering, false);
            LogRecovered(endpoint.Display);
            Recovered?.Invoke();
            return Task.CompletedTask;
        };
        created.ConnectionRecoveryErrorAsync += (_, e) =>
        {
            LogRecoveryFailed(endpoint.Display, e.Exception.Message);
            return Task.CompletedTask;
        };
        created.ConnectionBlockedAsync += (_, e) =>
        {
            Volatile.Write(ref blockedBecause, e.Reason);
            LogBlocked(e.Reason);
            return Task.CompletedTask;
        };
        created.ConnectionUnblockedAsync += (_, _) =>
        {
            Volatile.Write(ref blockedBecause, null);
            LogUnblocked();
            return Task.CompletedTask;
        };
        created.QueueNameChangedAfterRecoveryAsync += (_, e) =>
        {
            registry.Rename(e.NameBefore, e.NameAfter);
            return Task.CompletedTask;
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection to RabbitMQ at {Broker} ({ReplyCode} {ReplyText}); recovering")]
    private partial void LogLost(string broker, ushort replyCode, string replyText);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection to RabbitMQ at {Broker} recovered")]
    private partial void LogRecovered(string broker);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovering the connection to RabbitMQ at {Broker} failed: {Reason}; retrying")]
    private partial void LogRecoveryFailed(string broker, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ blocked publishing: {Reason}")]
    private partial void LogBlocked(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "RabbitMQ unblocked publishing")]
    private partial void LogUnblocked();
}
