namespace Conferences.Api.Crossbar;

public static class HttpContextCrossbarExtensions
{
    private static readonly object RequestKey = new();
    private static readonly object ContextKey = new();

    public static CrossbarRequest? GetCrossbarRequest(this HttpContext http) =>
        http.Items.TryGetValue(RequestKey, out var value) ? value as CrossbarRequest : null;

    public static void SetCrossbarRequest(this HttpContext http, CrossbarRequest request) => http.Items[RequestKey] = request;

    public static CrossbarContext GetCrossbarContext(this HttpContext http) =>
        http.Items.TryGetValue(ContextKey, out var value) && value is CrossbarContext context
            ? context
            : throw new InvalidOperationException("the crossbar account filter did not run for this action");

    public static void SetCrossbarContext(this HttpContext http, CrossbarContext context) => http.Items[ContextKey] = context;
}
