namespace Conferences.Core.Webhooks;

/// <summary>Makes one delivery: the body as stored and the sender's attempts, each attempt's log document added to <c>log</c>.</summary>
public sealed class WebhookDeliverer(IWebhookSender sender, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public async Task<WebhookAttemptResult> DeliverAsync(Webhook webhook, WebhookDelivery delivery, ICollection<JsonObject> log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(log);
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        if (body.Length > options.Value.MaxBodyBytes)
        {
            var refused = new WebhookAttemptResult(1, clock.GetUtcNow(), null, TimeSpan.Zero,
                $"body of {body.Length} bytes exceeds Webhooks:MaxBodyBytes ({options.Value.MaxBodyBytes})")
            {
                Unsendable = true,
            };
            log.Add(WebhookAttempts.Document(delivery, refused));
            return refused;
        }
        var request = new WebhookRequest(webhook.Uri, webhook.HttpVerb, webhook.Retries, webhook.Secret, webhook.Id, delivery.EventId, body);
        return await sender.SendAsync(request, attempt =>
        {
            log.Add(WebhookAttempts.Document(delivery, attempt));
            return Task.CompletedTask;
        }, ct).ConfigureAwait(false);
    }
}
