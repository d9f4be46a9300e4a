namespace Conferences.Api.OpenApi;

/// <summary>Documentation shape of a conference action's success envelope (dial shown; other actions answer a message string).</summary>
public sealed record ConferenceActionEnvelope : SuccessEnvelope<DialResult>;
