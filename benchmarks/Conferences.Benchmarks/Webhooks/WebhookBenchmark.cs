using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conferences.Core.Kapi;
using RabbitMQ.Client;

namespace Conferences.Benchmarks.Webhooks;

/// <summary>
/// Event → webhook delivery latency (issue 17): the API on RabbitMQ (its own process, embedded SQLite store, no
/// simulator), 10 webhooks to 10 loopback receivers, member events published on the broker at 200 events/s spread
/// over 20 conferences; latency = arrival at the receiver − publish, both on this process's clock. A warm-up of
/// <c>BENCH_WARMUP</c> seconds (default 5) at the same rate comes first, so the JIT's tiering is not counted as
/// delivery cost; its CPU is reported apart. Writes benchmarks/results/webhooks.md and webhooks.json.
/// </summary>
internal static class WebhookBenchmark
{
    private const int Receivers = 10;
    private const int Rate = 200;
    private const int ConferenceCount = 20;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var root = args.Count > 0 ? args[0] : Directory.GetCurrentDirectory();
        var seconds = args.Count > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var broker = Environment.GetEnvironmentVariable("BENCH_RABBITMQ");
        if (broker is null)
        {
            Console.Error.WriteLine("webhooks: set BENCH_RABBITMQ (benchmarks/run.sh starts a broker)");
            return 2;
        }
        var events = (int)(seconds * Rate);
        var dbFile = Path.Combine(Environment.GetEnvironmentVariable("BENCH_DB_DIR") ?? Path.GetTempPath(), $"conferences-bench-webhooks-{Guid.NewGuid():N}.db");
        var queue = $"conferences_webhooks.bench-{Guid.NewGuid():N}";
        var apiKey = new string('w', 64);
        var port = FreePort();
        using var http = new HttpClient();
        await using var receivers = await BenchReceivers.StartAsync(Receivers);
        await using (var api = await ApiProcess.StartAsync(Path.Combine(root, "src/Conferences.Api/bin/Release/net10.0/Conferences.Api.dll"), port, apiKey,
            new Dictionary<string, string>
            {
                ["ConnectionStrings__Sqlite"] = $"Data Source={dbFile}",
                ["Messaging__Provider"] = "rabbitmq",
                ["ConnectionStrings__RabbitMq"] = broker,
                ["MediaServer__Simulator"] = "false",
                ["Webhooks__QueueName"] = queue,
                ["Webhooks__AllowedNetworks__0"] = "127.0.0.0/8",
            }, http))
        {
            var baseUrl = $"http://127.0.0.1:{port}/v2";
            var auth = await SendAsync(http, HttpMethod.Put, $"{baseUrl}/api_auth", new JsonObject { ["api_key"] = apiKey }, null);
            var token = auth["auth_token"]!.GetValue<string>();
            var master = auth["data"]!["account_id"]!.GetValue<string>();
            var account = (await SendAsync(http, HttpMethod.Put, $"{baseUrl}/accounts/{master}", new JsonObject { ["name"] = "webhook bench" }, token))["data"]!["id"]!.GetValue<string>();
            foreach (var uri in receivers.Addresses)
            {
                await SendAsync(http, HttpMethod.Put, $"{baseUrl}/accounts/{account}/conferences_webhooks",
                    new JsonObject { ["name"] = uri.AbsolutePath, ["uri"] = uri.ToString(), ["events"] = new JsonArray("mute-member", "unmute-member") }, token);
            }
            var warmEvents = (int)(double.Parse(Environment.GetEnvironmentVariable("BENCH_WARMUP") ?? "5", CultureInfo.InvariantCulture) * Rate);
            var warmCpu = ProcessCpu.OfApiChild();
            await ArrivedAsync(receivers, await PublishAsync(broker, account, warmEvents, -warmEvents), warmEvents);
            var warm = (Cpu: ProcessCpu.OfApiChild() - warmCpu, Delivered: receivers.Arrivals.Count);
            receivers.Reset();
            var cpuBefore = (Api: ProcessCpu.OfApiChild(), Bench: ProcessCpu.OfThisProcess());
            var published = await PublishAsync(broker, account, events, 0);
            await ArrivedAsync(receivers, published, events);
            var cpu = (Api: ProcessCpu.OfApiChild() - cpuBefore.Api, Bench: ProcessCpu.OfThisProcess() - cpuBefore.Bench);
            var warmNote = string.Create(CultureInfo.InvariantCulture,
                $"Warm-up before it (`BENCH_WARMUP`): {warmEvents} events, {warm.Delivered} delivered, API CPU {warm.Cpu.TotalSeconds:0.0} s ({warm.Cpu.TotalMilliseconds / Math.Max(1, warm.Delivered):0.00} ms per delivery, JIT tiering included).");
            var probe = await StoreWriteProbe.RunAsync(Path.GetDirectoryName(dbFile)!);
            await WriteAsync(root, receivers, published, seconds, cpu, probe, warmNote);
        }
        var factory = new ConnectionFactory { Uri = new Uri(broker) };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeleteAsync(queue);
        }
        File.Delete(dbFile);
        return 0;
    }

    private static async Task ArrivedAsync(BenchReceivers receivers, long[] published, int events)
    {
        var deadline = published.Length == 0 ? 0 : Stopwatch.GetTimestamp() + Stopwatch.Frequency * 120;
        while (receivers.Arrivals.Count < events * Receivers && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>Publishes <paramref name="count"/> mute/unmute events at <see cref="Rate"/> per second, numbered from <paramref name="first"/>; returns each one's publish time.</summary>
    private static async Task<long[]> PublishAsync(string broker, string account, int count, int first)
    {
        var factory = new ConnectionFactory { Uri = new Uri(broker) };
        await using var connection = await factory.CreateConnectionAsync("webhook-bench");
        await using var channel = await connection.CreateChannelAsync();
        var sender = KapiSender.FreeSwitch("freeswitch@fs1.example.com");
        var times = new long[count];
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = start + (long)(i * (double)Stopwatch.Frequency / Rate);
            while (Stopwatch.GetTimestamp() < due)
            {
                await Task.Delay(1);
            }
            var conference = $"bench-conference-{i % ConferenceCount:D2}";
            var message = KapiMessage.Build(KapiConference.Event, new JsonObject
            {
                [KapiKeys.Event] = i / ConferenceCount % 2 == 0 ? "mute-member" : "unmute-member",
                [KapiHeaders.AccountId] = account,
                [KapiKeys.ConferenceId] = conference,
                [KapiKeys.InstanceId] = "0a0b0c0d-0000-4000-8000-000000000000",
                [KapiHeaders.CallId] = $"call-{conference}",
                [KapiKeys.ParticipantId] = 1,
                [KapiKeys.CustomChannelVars] = new JsonObject { ["Account-ID"] = account, ["bench_seq"] = first + i },
                [KapiKeys.ConferenceChannelVars] = new JsonObject { ["Speak"] = i / ConferenceCount % 2 != 0, ["Hear"] = true, ["Is-Moderator"] = false },
            }, sender);
            times[i] = Stopwatch.GetTimestamp();
            await channel.BasicPublishAsync(KapiRoutingKeys.ConferenceExchange, KapiRoutingKeys.EventFor(message), Encoding.UTF8.GetBytes(message.ToJsonString()));
        }
        return times;
    }

    private static async Task WriteAsync(
        string root, BenchReceivers receivers, long[] published, double seconds, (TimeSpan Api, TimeSpan Bench) cpu, (double SingleMs, double BulkMs) probe, string warmNote)
    {
        var latencies = receivers.Arrivals.Where(a => a.Key.Seq >= 0).Select(a => (a.Value - published[a.Key.Seq]) * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        double P(double q) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
        var expected = published.Length * Receivers;
        var report = new StringBuilder()
            .AppendLine("# Webhook delivery latency (issue 17)")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, `benchmarks/run.sh` (`webhooks` mode). The API in its own process on RabbitMQ with")
            .AppendLine("the embedded SQLite store and no simulator; this process publishes conference member events on the broker at")
            .AppendLine(CultureInfo.InvariantCulture, $"{Rate} events/s over {ConferenceCount} conferences for {seconds:0} s, and {Receivers} loopback receivers (one webhook each, 204) note arrivals.")
            .AppendLine("Latency = arrival at a receiver − publish on the broker, one clock. A shared 2-core machine: read ratios and orders of magnitude.")
            .AppendLine(CultureInfo.InvariantCulture, $"Load average when the run ended: {File.ReadAllText("/proc/loadavg").Trim()}; store file in {Environment.GetEnvironmentVariable("BENCH_DB_DIR") ?? Path.GetTempPath()} (`BENCH_DB_DIR`).")
            .AppendLine()
            .AppendLine("| events | deliveries expected | delivered | duplicates | p50 ms | p99 ms | max ms |")
            .AppendLine("|---|---|---|---|---|---|---|")
            .AppendLine(CultureInfo.InvariantCulture, $"| {published.Length} | {expected} | {receivers.Arrivals.Count} | {receivers.Duplicates} | {P(0.50):0.0} | {P(0.99):0.0} | {(latencies.Length == 0 ? double.NaN : latencies[^1]):0.0} |");
        report.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"CPU from the first publish to the last arrival (or the 120 s limit): the API process {cpu.Api.TotalSeconds:0.0} s")
            .AppendLine(CultureInfo.InvariantCulture, $"({cpu.Api.TotalMilliseconds / Math.Max(1, receivers.Arrivals.Count):0.00} ms per delivery), this process (publisher and receivers) {cpu.Bench.TotalSeconds:0.0} s.")
            .AppendLine(warmNote)
            .AppendLine(CultureInfo.InvariantCulture, $"Store probe on the same directory, outbox-like documents: {probe.SingleMs:0.00} ms each written one per transaction, {probe.BulkMs:0.00} ms each written ten per bulk write.");
        var results = Path.Combine(root, "benchmarks/results");
        Directory.CreateDirectory(results);
        await File.WriteAllTextAsync(Path.Combine(results, "webhooks.md"), report.ToString());
        await File.WriteAllTextAsync(Path.Combine(results, "webhooks.json"), JsonSerializer.Serialize(new
        {
            events = published.Length,
            rate = Rate,
            receivers = Receivers,
            expected,
            delivered = receivers.Arrivals.Count,
            duplicates = receivers.Duplicates,
            p50_ms = P(0.50),
            p99_ms = P(0.99),
            max_ms = latencies.Length == 0 ? double.NaN : latencies[^1],
            api_cpu_s = cpu.Api.TotalSeconds,
            bench_cpu_s = cpu.Bench.TotalSeconds,
            store_single_ms = probe.SingleMs,
            store_bulk_ms = probe.BulkMs,
        }, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
        Console.WriteLine(report);
    }

    private static async Task<JsonObject> SendAsync(HttpClient http, HttpMethod method, string url, JsonObject data, string? token)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(new JsonObject { ["data"] = data }) };
        if (token is not null)
        {
            request.Headers.Add("X-Auth-Token", token);
        }
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? (JsonObject)JsonNode.Parse(body)! : throw new InvalidOperationException($"{method} {url}: {(int)response.StatusCode} {body}");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
