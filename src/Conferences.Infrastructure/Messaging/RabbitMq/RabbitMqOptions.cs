using System.ComponentModel.DataAnnotations;

namespace Conferences.Infrastructure.Messaging.RabbitMq;

/// <summary>The defaults make a broker that is down cost a caller about two seconds (503) instead of a hang.</summary>
public sealed class RabbitMqOptions : ServerConnectionOptions
{
    public const string Section = "RabbitMq";

    public const string ConnectionStringName = "RabbitMq";

    /// <summary>The connection's name in the broker's management UI.</summary>
    [Required]
    public string ClientName { get; set; } = "conferences";

    /// <summary>Budget of opening the connection (TCP connect and AMQP handshake).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Budget of one broker operation: a publish until its confirm, a declaration, a subscription's setup.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the client waits between attempts to recover a lost connection.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>AMQP heartbeat: a silent dead peer is noticed after about two of these.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Unacknowledged messages a subscription may hold (Kazoo's <c>?DEFAULT_PREFETCH</c> is 50).</summary>
    [Range(1, ushort.MaxValue)]
    public int Prefetch { get; set; } = 50;

    /// <summary>Channels publishing at once; a publisher waits for a free one (a channel is never shared).</summary>
    [Range(1, 256)]
    public int PublishChannels { get; set; } = 8;

    public override string ToString() =>
        RabbitMqEndpoint.TryParse(ConnectionString, out var endpoint, out _) ? endpoint.Display : "(no RabbitMQ broker)";
}
