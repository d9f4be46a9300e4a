using Conferences.Core.Auth;

namespace Conferences.Api.Crossbar;

/// <summary>Crossbar's steps before routing, in <c>api_resource</c>'s order (docs/compatibility.md, which error
/// wins).</summary>
public sealed class CrossbarRequestMiddleware(RequestDelegate next, TokenValidator tokens, CrossbarRouteTable routes, IOptions<CrossbarOptions> options)
{
    // sent by Kazoo clients to name the account the token must belong to (cb_token_auth)
    private const string AccountHeader = "X-Auth-Account-ID";

    private static readonly string[] JsonContentTypes = ["application/json", "application/x-json", "application/x-www-form-urlencoded"];

    public async Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        // any case of the prefix enters the pipeline, so that /V2/… is a 404 envelope rather than a route ASP.NET
        // would match without regard to case
        var isV1 = path.StartsWith("/v1/", StringComparison.OrdinalIgnoreCase) || path.Equals("/v1", StringComparison.OrdinalIgnoreCase);
        if (!isV1 && !path.StartsWith("/v2/", StringComparison.OrdinalIgnoreCase) && !path.Equals("/v2", StringComparison.OrdinalIgnoreCase))
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        var requestId = CrossbarRequestId.Of(http);
        http.SetCrossbarRequest(new CrossbarRequest { RequestId = requestId });
        var cors = CorsHeaders.IsCorsRequest(http.Request);
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[CrossbarRequestId.Header] = requestId;
            if (cors)
            {
                CorsHeaders.Apply(http.Response, routes.AllowedMethods(path));
            }
            if (http.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
            {
                http.Response.Headers.Allow = routes.AllowedMethods(path);
            }
            return Task.CompletedTask;
        });

        if (cors && http.Request.Method == HttpMethods.Options)
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = EnvelopeWriter.JsonContentType;
            http.Response.ContentLength = 0;
            return;
        }
        if (isV1)
        {
            throw KazooErrors.ApiVersionGone();
        }

        var request = await ReadRequestAsync(http, requestId).ConfigureAwait(false);
        http.SetCrossbarRequest(request);
        TunnelVerb(http, request);
        await AuthenticateAsync(http, request).ConfigureAwait(false);
        await next(http).ConfigureAwait(false);
    }

    private async Task<CrossbarRequest> ReadRequestAsync(HttpContext http, string requestId)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in http.Request.Query)
        {
            query[key] = value.ToString();
        }
        var preconditions = Preconditions.FromHeaders(http.Request.Headers.IfMatch, http.Request.Headers.IfNoneMatch);
        var contentType = http.Request.ContentType;
        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        var hasBody = http.Request.ContentLength > 0 || (http.Request.ContentLength is null && http.Request.Headers.TransferEncoding.Count > 0);
        if (hasBody && mediaType is { Length: > 0 } && !JsonContentTypes.Contains(mediaType))
        {
            return new CrossbarRequest { RequestId = requestId, Query = query, Preconditions = preconditions, UnsupportedContentType = contentType };
        }
        var envelope = hasBody
            ? RequestBodyReader.ParseEnvelope(await RequestBodyReader.ReadLimitedAsync(http.Request, options.Value.MaxBodyBytes, http.RequestAborted).ConfigureAwait(false))
            : new JsonObject { ["data"] = new JsonObject() };
        return new CrossbarRequest { RequestId = requestId, Envelope = envelope, Data = envelope["data"]!, Query = query, Preconditions = preconditions };
    }

    // POST with verb in the query string or envelope becomes that verb (api_resource:determine_http_verb/2); only POST
    // tunnels, as methods are case-sensitive (RFC 9110 §9.1)
    private static void TunnelVerb(HttpContext http, CrossbarRequest request)
    {
        if (http.Request.Method != HttpMethods.Post)
        {
            return;
        }
        var verb = request.Query.TryGetValue("verb", out var q) ? q : request.Envelope["verb"]?.ToString();
        if (verb is { Length: > 0 })
        {
            http.Request.Method = verb.ToUpperInvariant();
        }
    }

    // token sources in api_util:get_auth_token/2's order; expired is 401 now, unusable counts as absent (cb_token_auth)
    private async Task AuthenticateAsync(HttpContext http, CrossbarRequest request)
    {
        // checked in order, each only when the ones before it are empty (no array, no LINQ per request)
        var token = NonEmpty(http.Request.Headers["X-Auth-Token"].ToString())
            ?? NonEmpty(request.Query.GetValueOrDefault("auth_token"))
            ?? NonEmpty(request.Envelope["auth_token"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)
            ?? NonEmpty(BearerToken(http.Request.Headers.Authorization.ToString()));
        if (token is null)
        {
            return;
        }
        request.AuthToken = token;
        request.Token = await tokens.CheckAsync(token, http.Request.Headers[AccountHeader].ToString(), http.RequestAborted).ConfigureAwait(false);
        if (request.Token.Status == TokenStatus.Expired)
        {
            throw KazooErrors.ExpiredCredentials();
        }
    }

    private static string? BearerToken(string authorization) =>
        authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
