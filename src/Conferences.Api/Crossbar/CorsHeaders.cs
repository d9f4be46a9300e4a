namespace Conferences.Api.Crossbar;

/// <summary>Crossbar's CORS headers (<c>api_util:get_cors_headers/1</c>) plus Monster UI's
/// <c>X-Kazoo-Cluster-ID</c>.</summary>
public static class CorsHeaders
{
    public const string AllowHeaders =
        "Content-Type, Depth, User-Agent, X-Http-Method-Override, X-File-Size, X-Requested-With, If-Modified-Since, "
        + "X-File-Name, Cache-Control, X-Auth-Token, X-Kazoo-Cluster-ID, X-Request-ID, If-Match, If-None-Match, Authorization, X-Pretty-Print, Idempotency-Key";

    public const string ExposeHeaders = "Content-Type, X-Auth-Token, X-Request-ID, X-Kazoo-Cluster-ID, Location, ETag, Idempotent-Replayed";

    public static bool IsCorsRequest(HttpRequest request) =>
        request.Headers.ContainsKey("Origin")
        || request.Headers.ContainsKey("Access-Control-Request-Method")
        || request.Headers.ContainsKey("Access-Control-Request-Headers");

    public static void Apply(HttpResponse response, string allowedMethods)
    {
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.AccessControlAllowMethods = allowedMethods;
        response.Headers.AccessControlAllowHeaders = AllowHeaders;
        response.Headers.AccessControlExposeHeaders = ExposeHeaders;
        response.Headers.AccessControlMaxAge = "86400";
    }
}
