namespace Conferences.Api.Controllers;

/// <summary><c>PUT /v2/user_auth</c>: trade a user's hashed credentials for a token (<c>cb_user_auth:put/1</c>).</summary>
[Route("v2/user_auth")]
[Tags(OpenApi.KazooDocumentFilter.AuthenticationTag)]
public sealed class UserAuthController(UserAuthService users) : KazooController
{
    [HttpPut("")]
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
}
