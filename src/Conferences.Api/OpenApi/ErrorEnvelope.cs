namespace Conferences.Api.OpenApi;

/// <summary>Documentation shape of Kazoo's error envelope (<c>crossbar_util:response/5</c>).</summary>
public sealed record ErrorEnvelope(
    string Status,
    string Error,
    string Message,
    JsonObject? Data,
    string RequestId,
    string Timestamp);
