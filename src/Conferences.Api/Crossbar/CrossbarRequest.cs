namespace Conferences.Api.Crossbar;

/// <summary>The envelope and credentials of a <c>/v2</c> request, read once by <see cref="CrossbarRequestMiddleware"/>.</summary>
public sealed class CrossbarRequest
{
    public required string RequestId { get; init; }

    public JsonObject Envelope { get; init; } = new();

    public JsonNode Data { get; init; } = new JsonObject();

    /// <summary>The Content-Type of a body crossbar cannot read as JSON (415 after authentication, <c>api_resource:known_content_type/2</c>).</summary>
    public string? UnsupportedContentType { get; init; }

    /// <summary>The token exactly as sent (echoed in the envelope).</summary>
    public string? AuthToken { get; set; }

    public TokenCheck? Token { get; set; }

    public Dictionary<string, string> Query { get; init; } = [];

    /// <summary>If-Match and If-None-Match, read once; the rules that apply them are <see cref="Preconditions"/>'s.</summary>
    public Preconditions Preconditions { get; init; } = Preconditions.None;

    /// <summary>A body crossbar cannot read as JSON is refused with 415 once the caller is known (<c>api_resource:known_content_type/2</c>).</summary>
    public void EnsureReadableBody()
    {
        if (UnsupportedContentType is { } contentType)
        {
            throw KazooErrors.UnsupportedMediaType(contentType);
        }
    }
}
