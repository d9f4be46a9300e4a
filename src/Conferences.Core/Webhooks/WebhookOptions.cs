namespace Conferences.Core.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section (docs/webhooks.md, docs/operations.md).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Whether this instance takes conference events in and delivers webhooks at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The durable queue every instance's intake consumes (one at a time). Instances that share a store must share it;
    /// instances with stores of their own on one broker need queues of their own.
    /// </summary>
    public string QueueName { get; set; } = "conferences_webhooks.events";

    /// <summary>
    /// Networks (CIDR, e.g. <c>127.0.0.0/8</c>, <c>::1/128</c>) a webhook may reach although they are loopback, private,
    /// link-local or metadata addresses; empty: none of those.
    /// </summary>
    public IList<string> AllowedNetworks { get; } = [];

    /// <summary>How long one attempt may take, connection and response headers included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The first retry's delay; each next one doubles it (with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A delivery body larger than this is not sent (the attempt is logged as failed).</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>At most this much of a receiver's answer is read (and then dropped).</summary>
    public int MaxResponseBytes { get; set; } = 4 * 1024;

    /// <summary>How long an instance's claim on a webhook's deliveries lasts without renewal.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the outbox is searched for deliveries this instance was not told about.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many attempts each webhook's log keeps (the newest); older ones are removed as it delivers.</summary>
    public int AttemptsKept { get; set; } = 1000;

    /// <summary>Attempts older than this are removed from a webhook's log as it delivers (Kazoo's monthly modb drops them with the month).</summary>
    public TimeSpan AttemptsMaxAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>At most this many waiting events are written in one bulk write and acknowledged together.</summary>
    public int IntakeBatchSize { get; set; } = 100;

    /// <summary>How long an account's webhooks are trusted before they are read again (another instance may have changed them).</summary>
    public TimeSpan DirectoryLifetime { get; set; } = TimeSpan.FromSeconds(5);
}
