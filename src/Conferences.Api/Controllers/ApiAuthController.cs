namespace Conferences.Api.Controllers;

/// <summary><c>PUT /v2/api_auth</c>: trade an account's API key for a token (<c>cb_api_auth:put/1</c>).</summary>
[Route("v2/api_auth")]
[Tags(OpenApi.KazooDocumentFilter.AuthenticationTag)]
public sealed class ApiAuthController(AccountService accounts, TokenService tokens) : KazooController
{
    [HttpPut("")]
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
}
