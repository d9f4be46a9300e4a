namespace Conferences.Api.OpenApi;

/// <summary>Documentation shape of a single-conference success envelope (Swagger only; the wire is written by EnvelopeWriter).</summary>
public sealed record ConferenceEnvelope : SuccessEnvelope<ConferenceDocument>;
