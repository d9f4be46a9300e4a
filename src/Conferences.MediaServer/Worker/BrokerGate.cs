using Conferences.Infrastructure.Messaging.RabbitMq;

namespace Conferences.MediaServer.Worker;

/// <summary>A worker started before RabbitMQ waits for it instead of exiting, as ecallmgr does; registered before the
/// simulator.</summary>
public sealed partial class BrokerGate(
    IMessageBusHealth bus,
    IOptions<RabbitMqOptions> options,
    TimeProvider clock,
    ILogger<BrokerGate> logger) : IHostedService
{
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var broker = options.Value.ToString();
        LogConnecting(broker, MediaServerWorker.ConnectionStringKey);
        var waited = false;
        while (true)
        {
            var health = await bus.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
            if (health.Healthy)
            {
                if (waited)
                {
                    LogReached(broker);
                }
                return;
            }
            waited = true;
            LogWaiting(health.Description, MediaServerWorker.ConnectionStringKey, RetryDelay.TotalSeconds);
            await Task.Delay(RetryDelay, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Media-server worker on RabbitMQ at {Broker} ({Key})")]
    private partial void LogConnecting(string broker, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for RabbitMQ: {Reason}; check {Key}; retrying in {Seconds} s")]
    private partial void LogWaiting(string reason, string key, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "RabbitMQ at {Broker} answers")]
    private partial void LogReached(string broker);
}
