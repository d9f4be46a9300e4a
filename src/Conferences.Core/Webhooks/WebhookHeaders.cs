namespace Conferences.Core.Webhooks;

/// <summary>The headers of a delivery request (docs/webhooks.md, "Verifying a delivery").</summary>
public static class WebhookHeaders
{
    /// <summary>Unix seconds when the attempt was signed; part of the signed text, so a replay can be refused.</summary>
    public const string Timestamp = "X-Conferences-Timestamp";

    /// <summary><c>v1=</c> and the hex HMAC-SHA256 of <c>{timestamp}.{body}</c> with the webhook's secret.</summary>
    public const string Signature = "X-Conferences-Signature";

    public const string WebhookId = "X-Conferences-Webhook-Id";

    public const string EventId = "X-Conferences-Event-Id";

    public const string SignatureVersion = "v1=";
}
