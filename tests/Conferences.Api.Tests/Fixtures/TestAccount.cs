namespace Conferences.Api.Tests.Fixtures;

/// <summary>
/// An account under test and its token. Paths not starting with <c>/</c> are relative to
/// <c>/v2/accounts/{id}/</c>; every request carries <c>X-Auth-Token</c> unless <c>withToken</c> is false.
/// </summary>
public sealed class TestAccount(ApiFactory api, string id, string token, string apiKey)
{
    public string Id { get; } = id;

    public string Token { get; } = token;

    public string ApiKey { get; } = apiKey;

    public ApiFactory Api { get; } = api;

    public string Url(string path) => path.StartsWith('/') ? path : $"/v2/accounts/{Id}/{path}";

    public Task<Answer> SendAsync(HttpMethod method, string path, HttpContent? content = null, Action<HttpRequestMessage>? configure = null, bool withToken = true) =>
        Api.SendAsync(method, Url(path), content, request =>
        {
            if (withToken)
            {
                request.Headers.Add("X-Auth-Token", Token);
            }
            configure?.Invoke(request);
        });

    public Task<Answer> GetAsync(string path, Action<HttpRequestMessage>? configure = null) => SendAsync(HttpMethod.Get, path, null, configure);

    public Task<Answer> PutAsync(string path, JsonNode? data, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Put, path, Body.Data(data), configure);

    public Task<Answer> PostAsync(string path, JsonNode? data, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Post, path, Body.Data(data), configure);

    public Task<Answer> PatchAsync(string path, JsonNode? data, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Patch, path, Body.Data(data), configure);

    public Task<Answer> DeleteAsync(string path, Action<HttpRequestMessage>? configure = null) => SendAsync(HttpMethod.Delete, path, null, configure);

    /// <summary>Creates a conference (expects 201) and returns the envelope.</summary>
    public async Task<Answer> CreateConferenceAsync(JsonObject? data = null)
    {
        var answer = await PutAsync("conferences", data ?? []);
        return answer.ExpectStatus(HttpStatusCode.Created);
    }

    /// <summary>Creates a conference (expects 201) and returns its id.</summary>
    public async Task<string> CreateConferenceIdAsync(JsonObject? data = null) =>
        (await CreateConferenceAsync(data)).DataObject["id"]!.GetValue<string>();

    /// <summary>The conference list (expects 200) for the query string <paramref name="query"/> (without <c>?</c>).</summary>
    public async Task<Answer> ListAsync(string query = "")
    {
        var answer = await GetAsync(query.Length == 0 ? "conferences" : $"conferences?{query}");
        return answer.ExpectStatus(HttpStatusCode.OK);
    }

    /// <summary>The ids of a conference list, in order.</summary>
    public async Task<List<string>> ListIdsAsync(string query = "") =>
        [.. (await ListAsync(query)).DataArray.Select(item => item!["id"]!.GetValue<string>())];
}
