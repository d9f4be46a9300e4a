namespace Conferences.Api.OpenApi;

/// <summary>Documentation shape of a single-webhook success envelope (Swagger only).</summary>
public sealed record WebhookEnvelope : SuccessEnvelope<WebhookDocument>;
