namespace Conferences.Infrastructure.Tests.Storage.CouchDb;

/// <summary>
/// Plain HTTP to the CouchDB server, as Kazoo (or an operator with curl) would talk to it: paths are written out by
/// hand, account databases as <c>account%2Fxx%2Fyy%2Frest</c>, and sent exactly as written.
/// </summary>
public sealed class RawCouch(string url) : IDisposable
{
    private static readonly UriCreationOptions Verbatim = new() { DangerousDisablePathAndQueryCanonicalization = true };

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<(HttpStatusCode Status, JsonNode? Body)> PutAsync(string path, JsonNode? body = null) => SendAsync(HttpMethod.Put, path, body);

    public Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, body);

    /// <summary>The body of a 2xx answer as an object; anything else fails the test with CouchDB's answer.</summary>
    public async Task<JsonObject> GetObjectAsync(string path)
    {
        var (status, body) = await GetAsync(path);
        Assert.True(status == HttpStatusCode.OK, $"GET {path}: {(int)status} {body?.ToJsonString()}");
        return body!.AsObject();
    }

    /// <summary>Writes a document, replacing whatever revision is there; returns the new revision.</summary>
    public async Task<string> OverwriteAsync(string path, JsonObject document)
    {
        var (status, current) = await GetAsync(path);
        var body = (JsonObject)document.DeepClone();
        if (status == HttpStatusCode.OK)
        {
            body["_rev"] = current!["_rev"]!.GetValue<string>();
        }
        var (written, answer) = await PutAsync(path, body);
        Assert.True(written is HttpStatusCode.Created or HttpStatusCode.Accepted, $"PUT {path}: {(int)written} {answer?.ToJsonString()}");
        return answer!["rev"]!.GetValue<string>();
    }

    /// <summary>An account database created the way Kazoo creates it, optionally with Kazoo's conference design documents.</summary>
    public async Task<(string AccountId, string Path)> CreateKazooAccountDatabaseAsync(bool withKazooDesigns)
    {
        var accountId = KazooIds.NewId();
        var path = $"account%2F{accountId[..2]}%2F{accountId[2..4]}%2F{accountId[4..]}";
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(path)).Status);
        if (withKazooDesigns)
        {
            await PutAsync($"{path}/_design/conferences", KazooFixtures.ConferencesDesign());
            await PutAsync($"{path}/_design/conference", KazooFixtures.ConferenceDesign());
        }
        return (accountId, path);
    }

    public void Dispose() => Http.Dispose();

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, new Uri($"{url}/{path}", Verbatim));
        if (body is not null || method != HttpMethod.Get)
        {
            request.Content = new StringContent(body?.ToJsonString() ?? string.Empty, Encoding.UTF8, "application/json");
        }
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
