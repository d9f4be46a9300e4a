using Conferences.Core.Auth;

namespace Conferences.Api.Controllers;

/// <summary>
/// The unauthenticated routes that trade credentials for a token (<c>cb_api_auth:put/1</c>, <c>cb_user_auth:put/1</c>)
/// and describe a token (<c>cb_auth</c> <c>tokeninfo</c>); the token comes back as the envelope's <c>auth_token</c>.
/// </summary>
[Route("v2")]
[Tags(OpenApi.KazooDocumentFilter.AuthenticationTag)]
public sealed class AuthController(AccountService accounts, TokenService tokens, UserAuthService users, TokenInfoService tokenInfo)
    : KazooController
{
    [HttpPut("api_auth")]
    [EndpointSummary("Trade an account's API key for a token")]
    public async Task<IActionResult> AuthenticateApiKey(CancellationToken ct)
    {
        var request = RequestEnvelope;
        request.EnsureReadableBody();
        if (request.Data is not JsonObject data || KazooJson.GetString(data, "api_key") is not { Length: > 0 } apiKey)
        {
            throw KazooErrors.Validation("api_key", "required", "Field is required but missing", new JsonObject { ["value"] = "api_key" });
        }
        var account = await accounts.FindByApiKeyAsync(apiKey, ct) ?? throw KazooErrors.InvalidCredentials();
        request.AuthToken = tokens.Issue(KazooJson.GetString(account, KazooFields.Id)!, AccountDocument.IsSuperDuperAdmin(account));
        return Responses.Created(AuthResponse.Create(account));
    }

    [HttpPut("user_auth")]
    [EndpointSummary("Trade a user's credentials for a token")]
    public async Task<IActionResult> AuthenticateUser(CancellationToken ct)
    {
        var request = RequestEnvelope;
        // Kazoo authorizes a plain login only: any action (impersonate_user needs an account and a user in the
        // path, which this service does not route) is refused before validation (cb_user_auth authorize_nouns)
        if (RequestValues.Find(request.Data, request.Query, request.Envelope, "action") is not null)
        {
            throw KazooErrors.Forbidden();
        }
        request.EnsureReadableBody();
        var result = await users.AuthenticateAsync(request.Data, ct);
        request.AuthToken = result.AuthToken;
        return Responses.Created(result.Data);
    }

    [HttpGet("auth/tokeninfo")]
    [EndpointSummary("Describe the token given in the query string")]
    public Task<IActionResult> GetTokenInfo(CancellationToken ct)
    {
        var request = RequestEnvelope;
        var token = request.Query.GetValueOrDefault("token") is { Length: > 0 } fromQuery ? fromQuery : StringValue(request.Envelope["token"]);
        return DescribeAsync(request, token ?? throw KazooErrors.MissingToken("params"), ct);
    }

    [HttpPost("auth/tokeninfo")]
    [EndpointSummary("Describe the token given in the request body")]
    public Task<IActionResult> PostTokenInfo(CancellationToken ct)
    {
        var request = RequestEnvelope;
        var token = StringValue((request.Data as JsonObject)?["token"]);
        return DescribeAsync(request, token ?? throw KazooErrors.MissingToken("request"), ct);
    }

    private async Task<IActionResult> DescribeAsync(CrossbarRequest request, string token, CancellationToken ct)
    {
        var data = await tokenInfo.DescribeAsync(token, ct);
        request.AuthToken = token;
        return Responses.Ok(data);
    }

    private static string? StringValue(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
