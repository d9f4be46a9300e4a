using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conferences.Benchmarks;

// `bus ROOT …`: the message-bus benchmark (issue 5), Bus/BusBenchmark.cs.
if (args.Length > 0 && args[0] == "bus")
{
    return await global::Conferences.Benchmarks.Bus.BusBenchmark.RunAsync(args[1..]);
}

// `ws ROOT …`: the websocket fan-out benchmark (issue 8), Websocket/WebsocketBenchmark.cs; `ws-clients …` is its client process.
if (args.Length > 0 && args[0] is "ws" or "ws-clients")
{
    return args[0] == "ws"
        ? await global::Conferences.Benchmarks.Websocket.WebsocketBenchmark.RunAsync(args[1..])
        : await global::Conferences.Benchmarks.Websocket.WebsocketClients.RunAsync(args[1..]);
}

// `realtime ROOT …`: the live conference state benchmark (issue 6), Realtime/RealtimeBenchmark.cs; `bare-server …` is its bare endpoint.
if (args.Length > 0 && args[0] is "realtime" or "bare-server")
{
    return args[0] == "realtime"
        ? await global::Conferences.Benchmarks.Realtime.RealtimeBenchmark.RunAsync(args[1..])
        : await BareProcess.ServeAsync(args[1..]);
}

// `tokens ROOT …`: GET with a Kazoo-issued token beside GET with an own token (issue 14), Tokens/TokenBenchmark.cs.
if (args.Length > 0 && args[0] == "tokens")
{
    return await global::Conferences.Benchmarks.Tokens.TokenBenchmark.RunAsync(args[1..]);
}

// `webhooks ROOT …`: event → webhook delivery latency at 200 events/s to 10 receivers (issue 17), Webhooks/WebhookBenchmark.cs.
if (args.Length > 0 && args[0] == "webhooks")
{
    return await global::Conferences.Benchmarks.Webhooks.WebhookBenchmark.RunAsync(args[1..]);
}

// `actions ROOT …`: the action round-trip benchmark (issue 7), Actions/ActionsBenchmark.cs.
if (args.Length > 0 && args[0] == "actions")
{
    return await global::Conferences.Benchmarks.Actions.ActionsBenchmark.RunAsync(args[1..]);
}

// Foundation benchmark (issue 3): GET /conferences/{id} and the list of 1,000 conferences through the API, side by side
// in one run with a bare Kestrel endpoint answering the same bytes. With BENCH_COUCHDB=<url> (issue 4) the API runs on
// the CouchDB provider and the baseline is the raw CouchDB GET / view query of the same data (ratios, not figures).
var root = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
const int Workers = 4;
const int Conferences = 1000;

var couch = Environment.GetEnvironmentVariable("BENCH_COUCHDB");
var dll = Path.Combine(root, "src/Conferences.Api/bin/Release/net10.0/Conferences.Api.dll");
var dbFile = Path.Combine(Path.GetTempPath(), $"conferences-bench-{Guid.NewGuid():N}.db");
var apiKey = new string('b', 64);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Workers * 2 });
var apiPort = FreePort();
var storeSettings = couch is null
    ? new Dictionary<string, string> { ["ConnectionStrings__Sqlite"] = $"Data Source={dbFile}" }
    // a loaded shared CouchDB can take longer than the 1.5 s default for a write during the 1,000-conference setup
    : new Dictionary<string, string> { ["Storage__Provider"] = "couchdb", ["ConnectionStrings__CouchDb"] = couch, ["CouchDb__TotalTimeout"] = "00:00:30", ["CouchDb__AttemptTimeout"] = "00:00:30" };
await using var api = await ApiProcess.StartAsync(dll, apiPort, apiKey, storeSettings, http);
var baseUrl = $"http://127.0.0.1:{apiPort}/v2";
// The same service over the same store with telemetry on as an operator runs it (issue 19): /metrics on a management
// listener (nobody scrapes it during the rounds) and every trace recorded (sampling 1.0; no collector, so none exported).
var telemetryPort = FreePort();
await using var telemetryApi = await ApiProcess.StartAsync(dll, telemetryPort, apiKey, new Dictionary<string, string>(storeSettings)
{
    ["Telemetry__MetricsUrl"] = $"http://127.0.0.1:{FreePort()}",
    ["Telemetry__Traces"] = "true",
}, http);

var auth = await Send(HttpMethod.Put, $"{baseUrl}/api_auth", new JsonObject { ["data"] = new JsonObject { ["api_key"] = apiKey } }, null);
var token = auth["auth_token"]!.GetValue<string>();
var master = auth["data"]!["account_id"]!.GetValue<string>();
var account = (await Send(HttpMethod.Put, $"{baseUrl}/accounts/{master}", new JsonObject { ["data"] = new JsonObject { ["name"] = "bench" } }, token))["data"]!["id"]!.GetValue<string>();
string? sampleId = null;
for (var i = 0; i < Conferences; i++)
{
    var created = await Send(HttpMethod.Put, $"{baseUrl}/accounts/{account}/conferences", new JsonObject
    {
        ["data"] = new JsonObject
        {
            ["name"] = $"Conference {i:D4}",
            ["conference_numbers"] = new JsonArray($"55501{i:D4}"),
            ["member"] = new JsonObject { ["pins"] = new JsonArray("1234") },
        },
    }, token);
    sampleId ??= created["data"]!["id"]!.GetValue<string>();
}

var urls = new Dictionary<string, string>
{
    ["get"] = $"{baseUrl}/accounts/{account}/conferences/{sampleId}",
    ["list_page_50"] = $"{baseUrl}/accounts/{account}/conferences",
    ["list_all_1000"] = $"{baseUrl}/accounts/{account}/conferences?paginate=false",
};
var bodies = new Dictionary<string, byte[]>();
foreach (var (name, url) in urls)
{
    using var check = await http.SendAsync(Authorized(HttpMethod.Get, url, token));
    bodies[name] = await check.Content.ReadAsByteArrayAsync();
}
var barePort = FreePort();
await using var bare = new BareServer(barePort, bodies);
await bare.StartAsync();
// With BENCH_COUCHDB the baseline is CouchDB itself: the raw document GET and view queries the API performs.
var accountDb = $"{couch?.TrimEnd('/')}/account%2F{account[..2]}%2F{account[2..4]}%2F{account[4..]}";
var rawUrls = new Dictionary<string, string>
{
    ["get"] = $"{accountDb}/{sampleId}",
    ["list_page_50"] = $"{accountDb}/_design/conferences/_view/crossbar_listing?descending=true&limit=51",
    ["list_all_1000"] = $"{accountDb}/_design/conferences/_view/crossbar_listing?descending=true",
};
HttpRequestMessage Baseline(string name) => couch is null
    ? new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{barePort}/bare/{name}")
    : new HttpRequestMessage(HttpMethod.Get, new Uri(rawUrls[name], new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
var store = couch is null ? "the embedded SQLite store" : "the CouchDB provider";
var baselineName = couch is null ? "bare = Kestrel answering the API's own bytes" : "raw = the same document GET / crossbar_listing view query sent straight to the same CouchDB server";
var baselineLabel = couch is null ? "bare" : "raw CouchDB";

var runner = new LoadRunner(http, Workers, TimeSpan.FromSeconds(seconds));
var rows = new List<object>();
var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"# Foundation benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {Workers} closed-loop workers, {rounds} alternating rounds of {seconds} s per case; API = Release build with {store}, {Conferences} conferences in the account; {baselineName}. Ratio = API ÷ {baselineLabel} (median of rounds).");
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Telemetry: a second API process over the same store with `Telemetry:MetricsUrl` set and `Telemetry:Traces=true` (every trace recorded, none exported: no collector), measured in the same alternating rounds; cost = 1 − its req/s ÷ the API's.");
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"| case | bytes | API req/s | {baselineLabel} req/s | throughput ratio | API p50 ms | API p99 ms | {baselineLabel} p50 ms | {baselineLabel} p99 ms | API+telemetry req/s | telemetry ratio | telemetry cost |");
report.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
foreach (var (name, url) in urls)
{
    await runner.RunAsync("warmup", () => Authorized(HttpMethod.Get, url, token));
    var telemetryUrl = url.Replace($":{apiPort}/", $":{telemetryPort}/", StringComparison.Ordinal);
    await runner.RunAsync("warmup", () => Authorized(HttpMethod.Get, telemetryUrl, token));
    var apiRuns = new List<LoadResult>();
    var bareRuns = new List<LoadResult>();
    var telemetryRuns = new List<LoadResult>();
    for (var round = 0; round < rounds; round++)
    {
        apiRuns.Add(await runner.RunAsync($"api {name}", () => Authorized(HttpMethod.Get, url, token)));
        bareRuns.Add(await runner.RunAsync($"{baselineLabel} {name}", () => Baseline(name)));
        telemetryRuns.Add(await runner.RunAsync($"api+telemetry {name}", () => Authorized(HttpMethod.Get, telemetryUrl, token)));
    }
    var a = Median(apiRuns);
    var b = Median(bareRuns);
    var t = Median(telemetryRuns);
    var ratio = a.RequestsPerSecond / b.RequestsPerSecond;
    var cost = 1 - (t.RequestsPerSecond / a.RequestsPerSecond);
    report.AppendLine(CultureInfo.InvariantCulture,
        $"| {name} | {bodies[name].Length} | {a.RequestsPerSecond:F0} | {b.RequestsPerSecond:F0} | {ratio:F2} | {a.P50Ms:F2} | {a.P99Ms:F2} | {b.P50Ms:F2} | {b.P99Ms:F2} | {t.RequestsPerSecond:F0} | {t.RequestsPerSecond / b.RequestsPerSecond:F2} | {cost:P0} |");
    rows.Add(new { name, bytes = bodies[name].Length, api = a, bare = b, throughput_ratio = ratio, api_telemetry = t, telemetry_cost = cost });
    Console.WriteLine($"{name}: api {a.RequestsPerSecond:F0}/s bare {b.RequestsPerSecond:F0}/s ratio {ratio:F2} telemetry {t.RequestsPerSecond:F0}/s cost {cost:P0}");
}

var results = Path.Combine(root, "benchmarks/results");
Directory.CreateDirectory(results);
await File.WriteAllTextAsync(Path.Combine(results, couch is null ? "foundation-crud.md" : "couchdb-crud.md"), report.ToString());
await File.WriteAllTextAsync(Path.Combine(results, couch is null ? "foundation-crud.json" : "couchdb-crud.json"), JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
Console.Write(report);
File.Delete(dbFile);
return 0;

async Task<JsonNode> Send(HttpMethod method, string url, JsonNode body, string? authToken)
{
    using var request = Authorized(method, url, authToken);
    request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
    using var response = await http.SendAsync(request);
    var text = await response.Content.ReadAsStringAsync();
    return response.IsSuccessStatusCode ? JsonNode.Parse(text)! : throw new InvalidOperationException($"{method} {url}: {(int)response.StatusCode} {text}");
}

static HttpRequestMessage Authorized(HttpMethod method, string url, string? token)
{
    var request = new HttpRequestMessage(method, url);
    if (token is not null)
    {
        request.Headers.Add("X-Auth-Token", token);
    }
    return request;
}

static LoadResult Median(List<LoadResult> runs) => runs.OrderBy(r => r.RequestsPerSecond).ElementAt(runs.Count / 2);

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
