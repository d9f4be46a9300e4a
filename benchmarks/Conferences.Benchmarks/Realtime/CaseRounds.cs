namespace Conferences.Benchmarks.Realtime;

/// <summary>One case's alternating rounds: the running variant, its idle twin, and a bare Kestrel endpoint (its own
/// process) answering each variant's bytes (what the difference in bytes alone costs the same client and machine).</summary>
internal sealed class CaseRounds(ApiProcess api, LoadRunner runner, int rounds, Func<int> freePort, HttpClient http)
{
    /// <summary>The coding the client asks for and the bare endpoint answers with (its bodies then are that coding's bytes).</summary>
    public string? ContentEncoding { get; init; }

    public async Task<HttpCase> RunAsync(string name, byte[] runningBody, byte[] idleBody, Func<HttpRequestMessage> running, Func<HttpRequestMessage> idle)
    {
        var barePort = freePort();
        await using var bare = await BareProcess.StartAsync(barePort, new Dictionary<string, byte[]> { ["running"] = runningBody, ["idle"] = idleBody }, ContentEncoding, http);
        HttpRequestMessage Bare(string variant) => new(HttpMethod.Get, $"http://127.0.0.1:{barePort}/bare/{variant}");
        await runner.RunAsync("warmup running", running);
        await runner.RunAsync("warmup idle", idle);
        await runner.RunAsync("warmup bare", () => Bare("running"));
        var (liveRuns, idleRuns, bareLive, bareIdle) = (new List<LoadResult>(), new List<LoadResult>(), new List<LoadResult>(), new List<LoadResult>());
        var (liveCpu, idleCpu, bareLiveCpu, bareIdleCpu) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            liveRuns.Add(await MeasuredAsync($"{name} running", running, () => api.Cpu, liveCpu));
            idleRuns.Add(await MeasuredAsync($"{name} idle", idle, () => api.Cpu, idleCpu));
            bareLive.Add(await MeasuredAsync($"{name} bare running bytes", () => Bare("running"), () => bare.Cpu, bareLiveCpu));
            bareIdle.Add(await MeasuredAsync($"{name} bare idle bytes", () => Bare("idle"), () => bare.Cpu, bareIdleCpu));
        }
        return new HttpCase(name, runningBody, idleBody, Median(liveRuns), Median(idleRuns), Median(liveCpu), Median(idleCpu))
        {
            BareRunning = Median(bareLive),
            BareIdle = Median(bareIdle),
            BareRunningCpuUs = Median(bareLiveCpu),
            BareIdleCpuUs = Median(bareIdleCpu),
        };
    }

    // the round, and the server's CPU per request in it (µs): a figure the machine's other load disturbs less than req/s
    private async Task<LoadResult> MeasuredAsync(string name, Func<HttpRequestMessage> request, Func<TimeSpan> cpu, List<double> cpuPerRequest)
    {
        var before = cpu();
        var result = await runner.RunAsync(name, request);
        cpuPerRequest.Add((cpu() - before).TotalMicroseconds / Math.Max(1, result.Requests));
        return result;
    }

    private static LoadResult Median(List<LoadResult> runs) => runs.OrderBy(r => r.RequestsPerSecond).ElementAt(runs.Count / 2);

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
