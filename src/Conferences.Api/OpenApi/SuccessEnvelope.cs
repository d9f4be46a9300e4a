namespace Conferences.Api.OpenApi;

public abstract record SuccessEnvelope<TData>
    where TData : class
{
    public TData Data { get; init; } = null!;
    public string? Revision { get; init; }
    public string? RequestId { get; init; }
    public string? Status { get; init; }
    public string? AuthToken { get; init; }
    public string? Node { get; init; }
    public string? Version { get; init; }
    public string? Timestamp { get; init; }
}
