namespace Conferences.Core.Webhooks;

/// <summary>A delivery as the outbox holds it: the revision is what removing it after the receiver's 2xx needs.</summary>
public sealed record PendingDelivery(WebhookDelivery Delivery, string Revision);
