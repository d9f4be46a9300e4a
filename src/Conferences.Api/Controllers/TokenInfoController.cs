using Conferences.Core.Auth;

namespace Conferences.Api.Controllers;

/// <summary><c>/v2/auth/tokeninfo</c>, unauthenticated (<c>cb_auth:authenticate_nouns/1</c>).</summary>
[Route("v2/auth/tokeninfo")]
[Tags(OpenApi.KazooDocumentFilter.AuthenticationTag)]
public sealed class TokenInfoController(TokenInfoService tokens) : KazooController
{
    [HttpGet("")]
    [EndpointSummary("Describe the token given in the query string")]
    public Task<IActionResult> GetTokenInfo(CancellationToken ct)
    {
        var request = RequestEnvelope;
        var token = request.Query.GetValueOrDefault("token") is { Length: > 0 } fromQuery ? fromQuery : StringValue(request.Envelope["token"]);
        return DescribeAsync(request, token ?? throw KazooErrors.MissingToken("params"), ct);
    }

    [HttpPost("")]
    [EndpointSummary("Describe the token given in the request body")]
    public Task<IActionResult> PostTokenInfo(CancellationToken ct)
    {
        var request = RequestEnvelope;
        var token = StringValue((request.Data as JsonObject)?["token"]);
        return DescribeAsync(request, token ?? throw KazooErrors.MissingToken("request"), ct);
    }

    private async Task<IActionResult> DescribeAsync(CrossbarRequest request, string token, CancellationToken ct)
    {
        var data = await tokens.DescribeAsync(token, ct);
        request.AuthToken = token;
        return Responses.Ok(data);
    }

    private static string? StringValue(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
