namespace Conferences.Api.Tests.KazooAuth;

/// <summary>Writes documents the way Kazoo does, into the store a test service reads: CouchDB over plain HTTP, or the embedded store.</summary>
public interface IKazooDocuments
{
    Task<JsonObject?> GetAsync(string database, string id);

    /// <summary>Creates or replaces the document (its current revision is looked up).</summary>
    Task PutAsync(string database, JsonObject document);

    /// <summary><c>system_auth/{kid}</c> and its attachment <c>private_key.pem</c>, as <c>kz_auth_keys</c> saves them.</summary>
    Task PutKeyAsync(string kid, string pem);
}

/// <summary>Kazoo's documents in a CouchDB-protocol server: the key document, then the PEM attached to it (two PUTs, as Kazoo writes).</summary>
public sealed class CouchKazooDocuments(string server) : IKazooDocuments, IDisposable
{
    private readonly HttpClient couch = new();

    public async Task<JsonObject?> GetAsync(string database, string id)
    {
        using var response = await couch.GetAsync(Address($"{database}/{Uri.EscapeDataString(id)}"));
        return response.StatusCode == HttpStatusCode.NotFound ? null : JsonNode.Parse(await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync()) as JsonObject;
    }

    public async Task PutAsync(string database, JsonObject document)
    {
        using (await couch.PutAsync(Address(database), null))
        {
            // 201 created or 412 exists: either way the database is there
        }
        var id = document["_id"]!.GetValue<string>();
        var copy = (JsonObject)document.DeepClone();
        copy.Remove("_rev");
        if (await GetAsync(database, id) is { } existing)
        {
            copy["_rev"] = existing["_rev"]!.DeepClone();
        }
        using var content = new StringContent(copy.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await couch.PutAsync(Address($"{database}/{Uri.EscapeDataString(id)}"), content);
        response.EnsureSuccessStatusCode();
    }

    public async Task PutKeyAsync(string kid, string pem)
    {
        await PutAsync("system_auth", KazooKeyDocument(kid));
        var rev = (await GetAsync("system_auth", kid))!["_rev"]!.GetValue<string>();
        using var content = new StringContent(pem, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-pem-file");
        using var response = await couch.PutAsync(Address($"system_auth/{kid}/private_key.pem?rev={rev}"), content);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => couch.Dispose();

    public static JsonObject KazooKeyDocument(string kid) => new()
    {
        ["_id"] = kid,
        ["pvt_type"] = "system_key",
        ["pvt_account_db"] = "system_auth",
        ["pvt_account_id"] = "system",
        ["pvt_created"] = 63_870_000_000,
        ["pvt_modified"] = 63_870_000_000,
        ["pvt_node"] = "kazoo_apps@kazoo.test",
    };

    private Uri Address(string path) => new($"{server.TrimEnd('/')}/{path}", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
}

/// <summary>Kazoo's documents written into the embedded store through the store port, the PEM as an inline attachment.</summary>
public sealed class EmbeddedKazooDocuments(ApiFactory api) : IKazooDocuments
{
    private IDocumentStore Store => api.Services.GetRequiredService<IDocumentStore>();

    public Task<JsonObject?> GetAsync(string database, string id) => Store.GetAsync(database, id, CancellationToken.None);

    public async Task PutAsync(string database, JsonObject document)
    {
        await Store.EnsureDatabaseAsync(database, CancellationToken.None);
        var copy = (JsonObject)document.DeepClone();
        copy.Remove("_rev");
        if (await GetAsync(database, document["_id"]!.GetValue<string>()) is { } existing)
        {
            copy["_rev"] = existing["_rev"]!.DeepClone();
        }
        await Store.SaveAsync(database, copy, CancellationToken.None);
    }

    public Task PutKeyAsync(string kid, string pem)
    {
        var doc = CouchKazooDocuments.KazooKeyDocument(kid);
        doc["_attachments"] = new JsonObject
        {
            ["private_key.pem"] = new JsonObject { ["content_type"] = "application/x-pem-file", ["data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(pem)) },
        };
        return PutAsync("system_auth", doc);
    }
}
