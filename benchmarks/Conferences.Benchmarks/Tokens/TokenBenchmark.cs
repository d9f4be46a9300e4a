using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conferences.Core.Kazoo;
using Conferences.Infrastructure.Storage.Sqlite;
using Conferences.Tests.Kazoo;
using Microsoft.Extensions.Options;

namespace Conferences.Benchmarks.Tokens;

/// <summary>
/// GET of a conference with a Kazoo-issued token ÷ the same GET with an own token, side by side in one run (issue 14,
/// goal ≥ 0.9). Kazoo's documents are written into the API's SQLite file as Kazoo writes them into CouchDB.
/// </summary>
public static class TokenBenchmark
{
    private const int Workers = 4;

    public static async Task<int> RunAsync(string[] args)
    {
        var root = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var dll = Path.Combine(root, "src/Conferences.Api/bin/Release/net10.0/Conferences.Api.dll");
        var dbFile = Path.Combine(Path.GetTempPath(), $"conferences-tokens-{Guid.NewGuid():N}.db");
        var apiKey = new string('t', 64);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Workers * 2 });
        var port = FreePort();
        await using (var api = await ApiProcess.StartAsync(dll, port, apiKey, new Dictionary<string, string>
        {
            ["ConnectionStrings__Sqlite"] = $"Data Source={dbFile}",
            ["KazooAuth__Enabled"] = "true",
        }, http))
        {
            var baseUrl = $"http://127.0.0.1:{port}/v2";
            var auth = await SendAsync(http, HttpMethod.Put, $"{baseUrl}/api_auth", new JsonObject { ["data"] = new JsonObject { ["api_key"] = apiKey } }, null);
            var master = auth["data"]!["account_id"]!.GetValue<string>();
            var masterToken = auth["auth_token"]!.GetValue<string>();
            var account = (await SendAsync(http, HttpMethod.Put, $"{baseUrl}/accounts/{master}", new JsonObject { ["data"] = new JsonObject { ["name"] = "tokens" } }, masterToken))["data"]!["id"]!.GetValue<string>();
            var apiKeyOfAccount = (await SendAsync(http, HttpMethod.Get, $"{baseUrl}/accounts/{account}/api_key", null, masterToken))["data"]!["api_key"]!.GetValue<string>();
            var ownToken = (await SendAsync(http, HttpMethod.Put, $"{baseUrl}/api_auth", new JsonObject { ["data"] = new JsonObject { ["api_key"] = apiKeyOfAccount } }, null))["auth_token"]!.GetValue<string>();
            var kazooToken = await WriteKazooAsync(dbFile, account);
            var conference = (await SendAsync(http, HttpMethod.Put, $"{baseUrl}/accounts/{account}/conferences",
                new JsonObject { ["data"] = new JsonObject { ["name"] = "Tokens", ["member"] = new JsonObject { ["pins"] = new JsonArray("1234") } } }, kazooToken))["data"]!["id"]!.GetValue<string>();
            var url = $"{baseUrl}/accounts/{account}/conferences/{conference}";

            var runner = new LoadRunner(http, Workers, TimeSpan.FromSeconds(seconds));
            await runner.RunAsync("warmup own", () => Get(url, ownToken));
            await runner.RunAsync("warmup kazoo", () => Get(url, kazooToken));
            var own = new List<LoadResult>();
            var kazoo = new List<LoadResult>();
            for (var round = 0; round < rounds; round++)
            {
                kazoo.Add(await runner.RunAsync("kazoo", () => Get(url, kazooToken)));
                own.Add(await runner.RunAsync("own", () => Get(url, ownToken)));
            }
            var k = Median(kazoo);
            var o = Median(own);
            // each round's pair ran back to back: the median of the per-round ratios is the figure least moved by a noisy neighbour
            var ratio = kazoo.Zip(own, (a, b) => a.RequestsPerSecond / b.RequestsPerSecond).Order().ElementAt(rounds / 2);
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"# Token benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores; API = Release build in its own process, embedded SQLite store, `KazooAuth:Enabled=true` with Kazoo's `system_config/auth`, `system_auth/{{kid}}` (PEM attachment) and a user with `pvt_signature_secret` in the store. GET /conferences/{{id}} of an idle conference with a Kazoo user token (RS256, identity signature) and with an own api_auth token (HS256); {Workers} closed-loop workers, {rounds} alternating rounds of {seconds} s, median round per case. Default caching: a verified Kazoo token is remembered for `KazooAuth:SecretLifetime` (30 s), so most requests skip the RSA check and the secret reads.");
            report.AppendLine();
            report.AppendLine("| case | req/s | p50 ms | p99 ms |");
            report.AppendLine("|---|---|---|---|");
            report.AppendLine(CultureInfo.InvariantCulture, $"| Kazoo token | {k.RequestsPerSecond:F0} | {k.P50Ms:F2} | {k.P99Ms:F2} |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| own token | {o.RequestsPerSecond:F0} | {o.P50Ms:F2} | {o.P99Ms:F2} |");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"**Throughput ratio Kazoo ÷ own: {ratio:F2}** (median of the per-round ratios; goal ≥ 0.9). Rounds (Kazoo/own req/s): {string.Join(", ", kazoo.Zip(own, (a, b) => $"{a.RequestsPerSecond:F0}/{b.RequestsPerSecond:F0}"))}.");
            var results = Path.Combine(root, "benchmarks/results");
            Directory.CreateDirectory(results);
            await File.WriteAllTextAsync(Path.Combine(results, "tokens.md"), report.ToString());
            await File.WriteAllTextAsync(Path.Combine(results, "tokens.json"), JsonSerializer.Serialize(new { kazoo = k, own = o, throughput_ratio = ratio }, new JsonSerializerOptions { WriteIndented = true }));
            Console.Write(report);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(dbFile);
        return 0;
    }

    /// <summary>Kazoo's documents in the API's store file, and a user token minted as Kazoo mints it.</summary>
    private static async Task<string> WriteKazooAsync(string dbFile, string account)
    {
        var store = new SqliteDocumentStore(Options.Create(new SqliteStoreOptions { ConnectionString = $"Data Source={dbFile}" }));
        var kid = KazooTokenMinter.NewHex();
        var systemSecret = KazooTokenMinter.NewHex();
        var userSecret = KazooTokenMinter.NewHex();
        var userId = KazooIds.NewId();
        var pem = KazooTokenMinter.Pem(1);
        await store.EnsureDatabaseAsync("system_auth", CancellationToken.None);
        await store.EnsureDatabaseAsync(AccountDatabase.SystemConfig, CancellationToken.None);
        await store.SaveAsync(AccountDatabase.SystemConfig, new JsonObject
        {
            ["_id"] = "auth",
            ["default"] = new JsonObject { ["system_key"] = kid, ["secret_for_user_signature"] = systemSecret },
        }, CancellationToken.None);
        await store.SaveAsync("system_auth", new JsonObject
        {
            ["_id"] = kid,
            ["pvt_type"] = "system_key",
            ["_attachments"] = new JsonObject
            {
                ["private_key.pem"] = new JsonObject { ["content_type"] = "application/x-pem-file", ["data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(pem)) },
            },
        }, CancellationToken.None);
        await store.SaveAsync(AccountDatabase.Encoded(account), new JsonObject
        {
            ["_id"] = userId,
            ["pvt_type"] = "user",
            ["username"] = "bench",
            ["pvt_signature_secret"] = userSecret,
        }, CancellationToken.None);
        return KazooTokenMinter.FromPem(pem, kid).UserToken(account, userId, KazooTokenMinter.IdentitySig(userSecret, systemSecret, userId));
    }

    private static HttpRequestMessage Get(string url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Auth-Token", token);
        return request;
    }

    private static async Task<JsonNode> SendAsync(HttpClient http, HttpMethod method, string url, JsonNode? body, string? token)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Add("X-Auth-Token", token);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonNode.Parse(text)! : throw new InvalidOperationException($"{method} {url}: {(int)response.StatusCode} {text}");
    }

    private static LoadResult Median(List<LoadResult> runs) => runs.OrderBy(r => r.RequestsPerSecond).ElementAt(runs.Count / 2);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
