namespace Conferences.Api.Tests.Webhooks;

/// <summary>The service with webhooks on, allowed to reach loopback receivers (embedded store and bus).</summary>
public class WebhookApiFactory : ApiFactory
{
    public WebhookApiFactory() => Settings.Webhooks(QueueName);

    /// <summary>The intake's durable queue: one per factory, so test classes never take each other's events.</summary>
    public string QueueName { get; } = $"conferences_webhooks.test-{Guid.NewGuid():N}";
}

/// <summary><see cref="WebhookApiFactory"/> on the test CouchDB server.</summary>
public sealed class CouchDbWebhookApiFactory : WebhookApiFactory
{
    public CouchDbWebhookApiFactory() => Settings.CouchDb();
}
