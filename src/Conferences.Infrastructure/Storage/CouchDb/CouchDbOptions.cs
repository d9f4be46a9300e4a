using System.ComponentModel.DataAnnotations;

namespace Conferences.Infrastructure.Storage.CouchDb;

/// <summary>The defaults keep an unreachable CouchDB under the 2 s in which the API must answer 503.</summary>
public sealed class CouchDbOptions : ServerConnectionOptions
{
    public const string Section = "CouchDb";

    public const string ConnectionStringName = "CouchDb";

    /// <summary>Budget of one CouchDB call including its retries; past it the store is unavailable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>Budget of one HTTP attempt (also the TCP connect timeout).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMilliseconds(1000);

    /// <summary>Retries of reads (GET, HEAD, view queries, database creation); writes are never repeated.</summary>
    [Range(1, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay; later ones back off exponentially with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long the circuit stays open (calls fail at once) before one call probes CouchDB again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The circuit opens when this share of the calls in <see cref="SamplingDuration"/> failed…</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>…and at least this many calls were made.</summary>
    [Range(2, 10_000)]
    public int MinimumThroughput { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Databases whose changes feed this instance follows, so their conference reads are kept between changes;
    /// 0 reads CouchDB on every GET (docs/operations.md, "Caches").</summary>
    [Range(0, 10_000)]
    public int WatchedDatabases { get; set; } = 100;

    /// <summary>The feeds' heartbeat: a feed silent for two of them keeps nothing until it is heard again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ChangeFeedHeartbeat { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Pooled connections are renewed after this long, so DNS changes are followed.</summary>
    public TimeSpan ConnectionLifetime { get; set; } = TimeSpan.FromMinutes(2);

    public override string ToString() =>
        CouchDbServer.TryParse(ConnectionString, out var server, out _) ? server.Display : "(no CouchDB server)";
}
