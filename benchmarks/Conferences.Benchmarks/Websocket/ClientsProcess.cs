using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Conferences.Benchmarks.Websocket;

/// <summary>Runs <see cref="WebsocketClients"/> as a child process of this benchmark and talks to it over stdin/stdout.</summary>
public sealed class ClientsProcess : IAsyncDisposable
{
    private readonly Process process;

    private ClientsProcess(Process process) => this.process = process;

    public static async Task<ClientsProcess> StartAsync(Uri uri, string token, string account, int perConference, IReadOnlyList<string> conferences)
    {
        var self = Environment.ProcessPath ?? "dotnet";
        var info = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        }
        foreach (var arg in new[] { "ws-clients", uri.ToString(), token, account, perConference.ToString(CultureInfo.InvariantCulture), string.Join(',', conferences) })
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the websocket clients");
        var clients = new ClientsProcess(process);
        var ready = await clients.ReadLineAsync(TimeSpan.FromMinutes(3));
        return ready == "READY" ? clients : throw new InvalidOperationException($"the websocket clients did not start: {ready}");
    }

    public int ProcessId => process.Id;

    public async Task<int> CountAsync(int phase) =>
        int.Parse(await AskAsync($"COUNT {phase}"), CultureInfo.InvariantCulture);

    /// <summary>Frames, last receipt (Stopwatch timestamp), mean/p50/p99/max delay in ms and sockets no longer open.</summary>
    public async Task<(int Frames, long LastReceived, double MeanMs, double P50Ms, double P99Ms, double MaxMs, int Closed)> StatsAsync(int phase)
    {
        var w = (await AskAsync($"STATS {phase}")).Split(' ');
        var inv = CultureInfo.InvariantCulture;
        return (int.Parse(w[0], inv), long.Parse(w[1], inv), double.Parse(w[2], inv), double.Parse(w[3], inv), double.Parse(w[4], inv), double.Parse(w[5], inv), int.Parse(w[6], inv));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await process.StandardInput.WriteLineAsync("EXIT");
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        process.Dispose();
    }

    private async Task<string> AskAsync(string command)
    {
        await process.StandardInput.WriteLineAsync(command);
        await process.StandardInput.FlushAsync();
        return await ReadLineAsync(TimeSpan.FromSeconds(60));
    }

    private async Task<string> ReadLineAsync(TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        return await process.StandardOutput.ReadLineAsync(deadline.Token) ?? throw new InvalidOperationException("the websocket clients exited");
    }
}
