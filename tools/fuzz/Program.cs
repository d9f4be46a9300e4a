using System.Globalization;
using System.Net;
using System.Text;
using Conferences.Core.Validation;
using Conferences.Fuzz;
using CsCheck;

// tools/fuzz: the fuzz suite's generators against a running service, for runs longer than CI's (docs/operations.md).
var options = Arguments.Parse(args);
var perRequest = TimeSpan.FromSeconds(30);
using var handler = new SocketsHttpHandler
{
    // send header values as the generators wrote them (UTF-8 bytes included): the server decides what it accepts
    RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
    MaxConnectionsPerServer = options.Concurrency,
    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
};
using var http = new HttpClient(handler) { BaseAddress = new Uri(options.Url), Timeout = Timeout.InfiniteTimeSpan };

var accounts = await FuzzStore.CreateAccountsAsync(http, options.ApiKey, perRequest);
var client = new FuzzClient(http, accounts, perRequest);
var store = new FuzzStore(client, KazooSchemaValidator.LoadEmbedded());
var sibling = await store.SiblingSnapshotAsync();
var run = new FuzzRun();
var checkedIds = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>();

Console.WriteLine($"fuzzing {options.Url} with {options.Requests:N0} requests, seed {options.Seed}, {options.Concurrency} at a time");
var generator = new PCG(15, options.Seed);
var gate = new object();
await Parallel.ForEachAsync(Enumerable.Range(0, options.Requests), new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (i, ct) =>
{
    FuzzRequest request;
    lock (gate)
    {
        request = FuzzGenerators.Request.Generate(generator, null!, out var _);
    }
    try
    {
        var outcome = await client.SendAsync(request);
        run.Record(request, outcome);
        if (outcome.Status is { } status && (int)status is >= 200 and < 300 && request.Path.StartsWith("/v2/accounts/{a}/conferences", StringComparison.Ordinal)
            && StoredId(outcome.Body) is { } id && checkedIds.TryAdd(id, 0) && await store.InvalidConferenceAsync(id) is { } invalid)
        {
            lock (run.InvalidStored)
            {
                run.InvalidStored.Add(invalid);
            }
        }
    }
    catch (HttpRequestException e)
    {
        run.RecordTransportError(request, e);
    }
    if ((i + 1) % 10_000 == 0)
    {
        Console.WriteLine($"{i + 1:N0} requests, {run.ServerErrors} × 5xx, {run.NotEnvelopes} non-envelope, {run.Timeouts} timeouts, {run.Elapsed.TotalSeconds:0} s");
    }
});

// the sweep after the run: every stored conference, not only those the answers named
foreach (var invalid in await store.InvalidConferencesAsync())
{
    if (!run.InvalidStored.Contains(invalid))
    {
        run.InvalidStored.Add(invalid);
    }
}
run.SiblingChanged = await store.SiblingSnapshotAsync() != sibling;
FuzzReport.Write(options.Output, options.Label, options.Note, options.Url, options.Seed, options.Concurrency, run);
Console.WriteLine($"{run.Requests:N0} requests in {run.Elapsed.TotalSeconds:0} s: {run.ServerErrors} × 5xx, {run.NotEnvelopes} non-envelope, "
    + $"{run.Timeouts} timeouts, {run.TransportErrors} transport errors, {run.InvalidStored.Count} invalid stored, sibling changed: {run.SiblingChanged}; written to {options.Output}");
return run.ServerErrors + run.NotEnvelopes + run.Timeouts + run.TransportErrors + run.InvalidStored.Count == 0 && !run.SiblingChanged ? 0 : 1;

static string? StoredId(byte[] body) =>
    FuzzOutcome.IsEnvelope(body) && System.Text.Json.Nodes.JsonNode.Parse(body)?["data"] is System.Text.Json.Nodes.JsonObject data
    && data["id"] is System.Text.Json.Nodes.JsonValue id && id.TryGetValue<string>(out var value) ? value : null;

/// <summary>
/// The command line: <c>--url</c>, <c>--api-key</c> (the master account's), <c>--requests</c>, <c>--seed</c>,
/// <c>--concurrency</c>, <c>--out</c>, <c>--label</c> (the section) and <c>--note</c> (how the service was run).
/// </summary>
internal sealed record Arguments(string Url, string ApiKey, int Requests, ulong Seed, int Concurrency, string Output, string Label, string Note)
{
    public static Arguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        string Get(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;
        return new Arguments(
            Get("url", "http://127.0.0.1:8000"),
            Get("api-key", Environment.GetEnvironmentVariable("Bootstrap__ApiKey") ?? string.Empty),
            int.Parse(Get("requests", "100000"), CultureInfo.InvariantCulture),
            ulong.Parse(Get("seed", "20261207"), CultureInfo.InvariantCulture),
            int.Parse(Get("concurrency", "8"), CultureInfo.InvariantCulture),
            Get("out", "benchmarks/results/fuzz.md"),
            Get("label", "embedded (SQLite + in-process bus)"),
            Get("note", string.Empty));
    }
}
