namespace Conferences.Api.OpenApi;

/// <summary>Documentation shape of the webhook list envelope (Swagger only).</summary>
public sealed record WebhookListEnvelope : SuccessEnvelope<IReadOnlyList<WebhookDocument>>;
