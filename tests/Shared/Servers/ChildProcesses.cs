namespace Conferences.Tests.Servers;

/// <summary>Waiting for and ending the processes tests start (scripts, proxies, workers), one way everywhere.</summary>
public static class ChildProcesses
{
    /// <summary>True if <paramref name="process"/> exits within <paramref name="timeout"/>; otherwise it is killed with its
    /// children, and false.</summary>
    public static async Task<bool> WaitOrKillAsync(Process process, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(process);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return false;
        }
    }

    /// <summary>SIGTERM, as <c>docker stop</c> and systemd send it, then a kill if it still runs after <paramref name="patience"/>.</summary>
    public static async Task StopAsync(Process process, TimeSpan patience)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (process.HasExited)
        {
            return;
        }
        using (var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", $"{process.Id}" }, UseShellExecute = false }))
        {
            await term!.WaitForExitAsync();
        }
        await WaitOrKillAsync(process, patience);
    }
}
