namespace Conferences.Core.Webhooks;

/// <summary>Makes one delivery: the body as stored, the sender's attempts, each attempt logged.</summary>
public sealed class WebhookDeliverer(IWebhookSender sender, WebhookAttempts attempts, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public async Task<WebhookAttemptResult> DeliverAsync(Webhook webhook, WebhookDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        ArgumentNullException.ThrowIfNull(delivery);
        var body = KazooJson.ToUtf8(delivery.Payload);
        if (body.Length > options.Value.MaxBodyBytes)
        {
            var refused = new WebhookAttemptResult(1, clock.GetUtcNow(), null, TimeSpan.Zero,
                $"body of {body.Length} bytes exceeds Webhooks:MaxBodyBytes ({options.Value.MaxBodyBytes})")
            {
                Unsendable = true,
            };
            await attempts.RecordAsync(delivery, refused, ct).ConfigureAwait(false);
            return refused;
        }
        var request = new WebhookRequest(webhook.Uri, webhook.HttpVerb, webhook.Retries, webhook.Secret, webhook.Id, delivery.EventId, body);
        return await sender.SendAsync(request, attempt => attempts.RecordAsync(delivery, attempt, ct), ct).ConfigureAwait(false);
    }
}
