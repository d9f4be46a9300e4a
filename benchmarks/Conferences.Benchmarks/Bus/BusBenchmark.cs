using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace Conferences.Benchmarks.Bus;

/// <summary>
/// The message-bus benchmark (issue 5), <c>bus ROOT [seconds-per-round] [rounds] [searches]</c>: command publish
/// throughput and search round-trip latency on the in-process bus and on RabbitMQ (<c>BENCH_RABBITMQ</c>), side by
/// side in one run with plain RabbitMQ.Client loops on the same broker. Writes benchmarks/results/bus.md and bus.json.
/// </summary>
public static class BusBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var settings = BusSettings.Parse(args);
        var ct = CancellationToken.None;
        var report = new BusReport(settings);

        await using var inProcess = await KapiBusHost.StartAsync(null, ct);
        await using var rabbit = settings.RabbitMq is null ? null : await KapiBusHost.StartAsync(settings.RabbitMq, ct);
        await using var raw = settings.RabbitMq is null
            ? null
            : await new ConnectionFactory { Uri = new Uri(settings.RabbitMq), ClientProvidedName = "conferences-bench-raw" }.CreateConnectionAsync(ct);
        report.Broker = raw is null ? null : BrokerDescription(raw, settings.RabbitMq!);

        await CommandThroughput.RunAsync(settings, inProcess, rabbit, raw, report, ct);
        await SearchRoundTrip.RunAsync(settings, inProcess, rabbit, raw, report, ct);

        var results = Path.Combine(settings.Root, "benchmarks/results");
        Directory.CreateDirectory(results);
        var markdown = report.ToMarkdown();
        await File.WriteAllTextAsync(Path.Combine(results, "bus.md"), markdown, ct);
        await File.WriteAllTextAsync(Path.Combine(results, "bus.json"), JsonSerializer.Serialize(report.ToJson(), new JsonSerializerOptions { WriteIndented = true }), ct);
        Console.Write(markdown);
        return 0;
    }

    private static string BrokerDescription(IConnection connection, string uri)
    {
        var version = connection.ServerProperties is { } p && p.TryGetValue("version", out var v) && v is byte[] bytes
            ? Encoding.UTF8.GetString(bytes)
            : "?";
        var endpoint = new Uri(uri);
        return $"RabbitMQ {version} at {endpoint.Host}:{endpoint.Port}";
    }
}
