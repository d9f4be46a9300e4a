using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Conferences.MediaServer.Control;

namespace Conferences.Benchmarks.Realtime;

/// <summary>
/// The HTTP half: the API (Release build, its own process, embedded SQLite store, <c>Messaging:Provider=rabbitmq</c>,
/// no simulator of its own) with the simulator on the same broker in this process. Account "live" holds 1,000
/// conferences of which 100 run with 10 participants each — the first 100 in the list's (descending) order, so the
/// first page of 50 is all running conferences, the most realtime data a page can carry; account "idle" holds 1,000
/// that do not run. Each case is run in alternating rounds with its idle twin.
/// </summary>
internal sealed class RealtimeHttp(string root, string rabbitMq, double seconds, int rounds)
{
    private const int Workers = 4;
    private const int Conferences = 1000;
    private const int Running = 100;
    private const int Members = 10;

    public async Task<IReadOnlyList<HttpCase>> RunAsync()
    {
        await using var simulator = await SimulatorOnRabbitMq.StartAsync(rabbitMq);
        var dll = Path.Combine(root, "src/Conferences.Api/bin/Release/net10.0/Conferences.Api.dll");
        var dbFile = Path.Combine(Path.GetTempPath(), $"conferences-bench-rt-{Guid.NewGuid():N}.db");
        var apiKey = new string('r', 64);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Workers * 2 });
        var port = FreePort();
        await using var api = await ApiProcess.StartAsync(dll, port, apiKey, new Dictionary<string, string>
        {
            ["ConnectionStrings__Sqlite"] = $"Data Source={dbFile}",
            ["Messaging__Provider"] = "rabbitmq",
            ["ConnectionStrings__RabbitMq"] = rabbitMq,
            ["MediaServer__Simulator"] = "false",
            // telemetry on as an operator runs it (issue 19): /metrics on a management listener, every trace recorded
            ["Telemetry__MetricsUrl"] = $"http://127.0.0.1:{FreePort()}",
            ["Telemetry__Traces"] = "true",
        }, http);
        var client = new Client(http, $"http://127.0.0.1:{port}/v2");
        var token = await client.AuthenticateAsync(apiKey);
        var master = client.AccountId!;
        var live = await client.CreateAccountAsync(master, "live", token);
        var idle = await client.CreateAccountAsync(master, "idle", token);
        var liveIds = await client.CreateConferencesAsync(live, Conferences, token);
        var idleIds = await client.CreateConferencesAsync(idle, Conferences, token);

        var running = liveIds.Order(StringComparer.Ordinal).Reverse().Take(Running).ToList();
        foreach (var conference in running)
        {
            for (var m = 1; m <= Members; m++)
            {
                await simulator.Control.AddParticipantAsync(new NewParticipant(conference, live)
                {
                    CallerIdName = $"Caller {m:D2}",
                    CallerIdNumber = $"+1555010{m:D4}",
                    Flags = m == 1 ? ["is_moderator"] : [],
                });
            }
        }
        await client.WaitUntilRunningAsync(live, running, Members, token);

        // a client that asks for gzip and inflates the answers, as a browser (Monster UI) does
        using var gzipHttp = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Workers * 2, AutomaticDecompression = DecompressionMethods.GZip });
        var plain = new CaseRounds(api, new LoadRunner(http, Workers, TimeSpan.FromSeconds(seconds)), rounds, FreePort, http);
        var gzip = new CaseRounds(api, new LoadRunner(gzipHttp, Workers, TimeSpan.FromSeconds(seconds)), rounds, FreePort, http) { ContentEncoding = "gzip" };
        var (getLive, getIdle) = ($"{client.Base}/accounts/{live}/conferences/{running[0]}", $"{client.Base}/accounts/{idle}/conferences/{idleIds[0]}");
        var (listLive, listIdle) = ($"{client.Base}/accounts/{live}/conferences?page_size=50", $"{client.Base}/accounts/{idle}/conferences?page_size=50");
        var cases = new List<HttpCase>();
        foreach (var (name, measure, liveUrl, idleUrl) in new[]
        {
            ("GET /conferences/{id}", plain, getLive, getIdle),
            ("GET /conferences?page_size=50", plain, listLive, listIdle),
            ("GET /conferences/{id}, gzip (a browser's Accept-Encoding)", gzip, getLive, getIdle),
            ("GET /conferences?page_size=50, gzip", gzip, listLive, listIdle),
        })
        {
            var encoding = measure.ContentEncoding;
            var c = await measure.RunAsync(name, await client.BytesAsync(liveUrl, token, encoding), await client.BytesAsync(idleUrl, token, encoding),
                () => Client.Get(liveUrl, token), () => Client.Get(idleUrl, token));
            Console.WriteLine($"{name}: running {c.Running.RequestsPerSecond:F0}/s p99 {c.Running.P99Ms:F2} ms; idle {c.Idle.RequestsPerSecond:F0}/s p99 {c.Idle.P99Ms:F2} ms");
            cases.Add(c);
        }
        File.Delete(dbFile);
        return cases;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The few API calls the set-up needs.</summary>
    private sealed class Client(HttpClient http, string baseUrl)
    {
        public string Base => baseUrl;

        public string? AccountId { get; private set; }

        public static HttpRequestMessage Get(string url, string token)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("X-Auth-Token", token);
            return request;
        }

        public async Task<string> AuthenticateAsync(string apiKey)
        {
            var auth = await SendAsync(HttpMethod.Put, $"{baseUrl}/api_auth", new JsonObject { ["api_key"] = apiKey }, null);
            AccountId = auth["data"]!["account_id"]!.GetValue<string>();
            return auth["auth_token"]!.GetValue<string>();
        }

        public async Task<string> CreateAccountAsync(string parent, string name, string token) =>
            (await SendAsync(HttpMethod.Put, $"{baseUrl}/accounts/{parent}", new JsonObject { ["name"] = $"{name}-{Guid.NewGuid():N}" }, token))["data"]!["id"]!.GetValue<string>();

        public async Task<List<string>> CreateConferencesAsync(string account, int count, string token)
        {
            var ids = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                var created = await SendAsync(HttpMethod.Put, $"{baseUrl}/accounts/{account}/conferences", new JsonObject
                {
                    ["name"] = $"Conference {i:D4}",
                    ["conference_numbers"] = new JsonArray($"55501{i:D4}"),
                    ["member"] = new JsonObject { ["pins"] = new JsonArray("1234") },
                }, token);
                ids.Add(created["data"]!["id"]!.GetValue<string>());
            }
            return ids;
        }

        /// <summary>Polls until the API shows every running conference with all its participants (at most 2 minutes).</summary>
        public async Task WaitUntilRunningAsync(string account, IReadOnlyList<string> running, int members, string token)
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            foreach (var conference in running)
            {
                while (true)
                {
                    var answer = JsonNode.Parse(await BytesAsync($"{baseUrl}/accounts/{account}/conferences/{conference}", token))!;
                    if (answer["data"]?["_read_only"]?["participant_count"]?.GetValue<int>() == members)
                    {
                        break;
                    }
                    if (DateTime.UtcNow > deadline)
                    {
                        throw new TimeoutException($"conference {conference} did not show {members} participants: {answer.ToJsonString()}");
                    }
                    await Task.Delay(100);
                }
            }
        }

        /// <summary>The answer's bytes as they went over the wire (compressed when <paramref name="acceptEncoding"/> asked for it).</summary>
        public async Task<byte[]> BytesAsync(string url, string token, string? acceptEncoding = null)
        {
            using var request = Get(url, token);
            if (acceptEncoding is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            }
            using var response = await http.SendAsync(request);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            return acceptEncoding is null || response.Content.Headers.ContentEncoding.Contains(acceptEncoding)
                ? bytes
                : throw new InvalidOperationException($"{url} was not answered with Content-Encoding: {acceptEncoding}");
        }

        private async Task<JsonNode> SendAsync(HttpMethod method, string url, JsonObject data, string? token)
        {
            using var request = new HttpRequestMessage(method, url)
            {
                Content = new StringContent(new JsonObject { ["data"] = data }.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            if (token is not null)
            {
                request.Headers.Add("X-Auth-Token", token);
            }
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode ? JsonNode.Parse(text)! : throw new InvalidOperationException($"{method} {url}: {(int)response.StatusCode} {text}");
        }
    }
}
