using Conferences.Api.Tests.KazooAuth;

namespace Conferences.Api.Tests.Clients;

/// <summary>
/// Sends requests the way Monster UI's JavaScript SDK (<c>jquery.kazoosdk.js</c>, its <c>request()</c>) does
/// (docs/clients.md): every request, GET and DELETE included, carries <c>Content-Type: application/json</c> and
/// <c>X-Auth-Token</c>; GETs get jQuery's cache buster <c>_=&lt;ms&gt;</c>; every other verb sends
/// <c>{"data": …}</c> with <c>data.ui_metadata</c> added, a DELETE too. Paths are the SDK's resource URLs
/// (<c>accounts/{accountId}/conferences/{conferenceId}</c>, …) under <c>/v2/</c>.
/// </summary>
public sealed class MonsterSdk(ApiFactory api, string token)
{
    /// <summary>What Monster UI puts in <c>ui_metadata</c>: its version, <c>ui</c> and the app the call comes from.</summary>
    public static JsonObject UiMetadata => new() { ["version"] = "4.3-58", ["ui"] = "monster-ui", ["origin"] = "voip" };

    private long cacheBuster = 1_764_000_000_000;

    /// <summary>A new account signed in with a token of <paramref name="kind"/>, and the SDK that carries it.</summary>
    public static async Task<(TestAccount Account, MonsterSdk Sdk)> SignInAsync(KazooEmbeddedApiFactory api, string kind)
    {
        var account = await api.AccountWithTokenAsync(kind);
        return (account, new MonsterSdk(api, account.Token));
    }

    public string Origin { get; init; } = "https://monster.example.com";

    public Task<Answer> GetAsync(string resourceUrl) =>
        SendAsync(HttpMethod.Get, $"{resourceUrl}{(resourceUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?')}_={Interlocked.Increment(ref cacheBuster)}", null);

    public Task<Answer> PutAsync(string resourceUrl, JsonObject? data, JsonObject? envelopeKeys = null) => SendAsync(HttpMethod.Put, resourceUrl, Payload(data, envelopeKeys));

    public Task<Answer> PostAsync(string resourceUrl, JsonObject? data) => SendAsync(HttpMethod.Post, resourceUrl, Payload(data, null));

    public Task<Answer> DeleteAsync(string resourceUrl) => SendAsync(HttpMethod.Delete, resourceUrl, Payload(null, null));

    /// <summary>The browser's pre-flight for <paramref name="verb"/> with the SDK's two custom headers.</summary>
    public Task<Answer> PreflightAsync(string resourceUrl, HttpMethod verb) =>
        api.SendAsync(HttpMethod.Options, $"/v2/{resourceUrl}", configure: r =>
        {
            r.Headers.Add("Origin", Origin);
            r.Headers.Add("Access-Control-Request-Method", verb.Method);
            r.Headers.Add("Access-Control-Request-Headers", "content-type,x-auth-token");
        });

    /// <summary><c>$.extend(true, {data: data.data || {}}, envelopeKeys)</c> plus <c>payload.data.ui_metadata</c>.</summary>
    private static string Payload(JsonObject? data, JsonObject? envelopeKeys)
    {
        var payload = new JsonObject { ["data"] = data?.DeepClone() ?? new JsonObject() };
        foreach (var (key, value) in envelopeKeys ?? [])
        {
            payload[key] = value?.DeepClone();
        }
        payload["data"]!["ui_metadata"] = UiMetadata;
        return payload.ToJsonString();
    }

    private Task<Answer> SendAsync(HttpMethod verb, string resourceUrl, string? body) =>
        api.SendAsync(verb, $"/v2/{resourceUrl}", null, request =>
        {
            // jQuery sets the request's Content-Type whenever the call names one, body or not
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body ?? string.Empty));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
            request.Headers.Add("X-Auth-Token", token);
            request.Headers.Add("Origin", Origin);
        });
}
