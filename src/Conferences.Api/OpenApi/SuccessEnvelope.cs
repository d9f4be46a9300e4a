namespace Conferences.Api.OpenApi;

public abstract record SuccessEnvelope<TData>
    where TData : class
{
    [JsonPropertyName("data")] public TData Data { get; init; } = null!;
    [JsonPropertyName("revision")] public string? Revision { get; init; }
    [JsonPropertyName("request_id")] public string? RequestId { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("auth_token")] public string? AuthToken { get; init; }
    [JsonPropertyName("node")] public string? Node { get; init; }
    [JsonPropertyName("version")] public string? Version { get; init; }
    [JsonPropertyName("timestamp")] public string? Timestamp { get; init; }
}
