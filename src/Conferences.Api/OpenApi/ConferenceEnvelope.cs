namespace Conferences.Api.OpenApi;

/// <summary>Documentation shape only; the wire is written by <c>EnvelopeWriter</c>.</summary>
public sealed record ConferenceEnvelope : SuccessEnvelope<ConferenceDocument>;
