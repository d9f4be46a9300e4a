namespace Conferences.Api.Controllers;

/// <summary><c>PUT /v2/user_auth</c>: trade a user's hashed credentials for a token (<c>cb_user_auth:put/1</c>).</summary>
[Route("v2/user_auth")]
[Produces(EnvelopeWriter.JsonContentType)]
[Tags(OpenApi.KazooDocumentFilter.AuthenticationTag)]
public sealed class UserAuthController(UserAuthService users) : ControllerBase
{
    [HttpPut("")]
    [EndpointSummary("Trade a user's credentials for a token")]
    public async Task<IActionResult> AuthenticateUser(CancellationToken ct)
    {
        var request = HttpContext.GetCrossbarRequest()!;
        // Kazoo authorizes a plain login only: any action (impersonate_user needs an account and a user in the
        // path, which this service does not route) is refused before validation (cb_user_auth authorize_nouns)
        if (Action(request) is not null)
        {
            throw KazooErrors.Forbidden();
        }
        if (request.UnsupportedContentType is { } contentType)
        {
            throw KazooErrors.UnsupportedMediaType(contentType);
        }
        var result = await users.AuthenticateAsync(request.Data, ct);
        request.AuthToken = result.AuthToken;
        return Responses.Created(result.Data);
    }

    /// <summary>The request value <c>action</c>: <c>data.action</c>, then the query string, then the envelope (<c>cb_context:req_value/2</c>).</summary>
    private static JsonNode? Action(CrossbarRequest request) =>
        (request.Data as JsonObject)?["action"]
        ?? (request.Query.TryGetValue("action", out var fromQuery) ? JsonValue.Create(fromQuery) : null)
        ?? request.Envelope["action"];
}
