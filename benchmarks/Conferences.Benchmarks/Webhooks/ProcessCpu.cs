using System.Diagnostics;
using System.Globalization;

namespace Conferences.Benchmarks.Webhooks;

/// <summary>CPU time (user + system) of this process's child running the API, read from <c>/proc</c> (Linux only; 0 elsewhere).</summary>
internal static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan OfApiChild()
    {
        foreach (var dir in Directory.Exists("/proc") ? Directory.EnumerateDirectories("/proc") : [])
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(dir), out _) || !File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("Conferences.Api.dll", StringComparison.Ordinal))
                {
                    continue;
                }
                // fields after the ")" closing the command name: state ppid … utime (14) stime (15)
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == Environment.ProcessId)
                {
                    var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                    return TimeSpan.FromSeconds(ticks / TicksPerSecond);
                }
            }
            catch (IOException)
            {
                // the process ended meanwhile
            }
        }
        return TimeSpan.Zero;
    }

    public static TimeSpan OfThisProcess() => Process.GetCurrentProcess().TotalProcessorTime;
}
