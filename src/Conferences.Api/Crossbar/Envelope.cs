namespace Conferences.Api.Crossbar;

/// <summary>A crossbar response envelope (<c>api_util:create_resp_envelope/1</c>).</summary>
public sealed record Envelope
{
    public required int Status { get; init; }

    public JsonNode? Data { get; init; }

    /// <summary><c>data</c> already serialised (lists render once: the same bytes give the revision and the body).</summary>
    public ReadOnlyMemory<byte>? RenderedData { get; init; }

    public string? Revision { get; init; }

    public string? ErrorName { get; init; }

    public int? PageSize { get; init; }

    public string? StartKey { get; init; }

    public string? NextStartKey { get; init; }

    public JsonObject? Metadata { get; init; }

    /// <summary><c>metadata</c> already serialised (kept with a rendered GET).</summary>
    public ReadOnlyMemory<byte>? RenderedMetadata { get; init; }

    public bool IsError => ErrorName is not null;
}
