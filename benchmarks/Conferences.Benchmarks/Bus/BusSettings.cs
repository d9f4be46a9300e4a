using System.Globalization;

namespace Conferences.Benchmarks.Bus;

/// <summary>
/// Settings of the message-bus benchmark: <c>bus ROOT [seconds-per-round] [rounds] [searches]</c>, and the broker
/// from <c>BENCH_RABBITMQ</c> (an AMQP URI; without it only the in-process bus is measured).
/// </summary>
public sealed record BusSettings(string Root, TimeSpan Round, int Rounds, int Searches, string? RabbitMq)
{
    /// <summary>Publishers in flight at once (each awaits its publish before the next one).</summary>
    public static readonly IReadOnlyList<int> Concurrency = [1, 16];

    /// <summary>Searches run and thrown away per case before measuring.</summary>
    public const int SearchWarmup = 200;

    public static BusSettings Parse(IReadOnlyList<string> args)
    {
        var root = args.Count > 0 ? args[0] : Directory.GetCurrentDirectory();
        var seconds = args.Count > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var rounds = args.Count > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var searches = args.Count > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2000;
        var rabbit = Environment.GetEnvironmentVariable("BENCH_RABBITMQ");
        return new(root, TimeSpan.FromSeconds(seconds), Math.Max(1, rounds), Math.Max(rounds, searches), string.IsNullOrWhiteSpace(rabbit) ? null : rabbit);
    }
}
