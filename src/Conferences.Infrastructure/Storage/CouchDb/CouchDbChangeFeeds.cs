using System.Diagnostics;

namespace Conferences.Infrastructure.Storage.CouchDb;

/// <summary>
/// The change stamps of the CouchDB store: a continuous <c>_changes</c> feed per database that is read from, up to
/// <see cref="CouchDbOptions.WatchedDatabases"/>, closed after a minute without reads. Kazoo's crossbar also reads
/// through a cache flushed on change (<c>crossbar_doc:load/4</c>, <c>couch_mgr:open_cache_doc/3</c>).
/// </summary>
public sealed partial class CouchDbChangeFeeds : IAsyncDisposable, IDisposable
{
    public const string HttpClientName = "couchdb-changes";

    private readonly ConcurrentDictionary<string, CouchDbChangeFeed> feeds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, bool> running = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly IHttpClientFactory clients;
    private readonly ILogger<CouchDbChangeFeeds> logger;
    private readonly int watched;
    private int open;
    private long stamps;

    public CouchDbChangeFeeds(IHttpClientFactory clients, IOptions<CouchDbOptions> options, ILogger<CouchDbChangeFeeds> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.clients = clients;
        this.logger = logger;
        Server = CouchDbServer.Parse(options.Value.ConnectionString);
        watched = options.Value.WatchedDatabases;
        Heartbeat = options.Value.ChangeFeedHeartbeat;
        SilenceTicks = (long)(2 * Heartbeat.TotalSeconds * Stopwatch.Frequency);
        IdleTicks = (long)(IdleAfter.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>A feed nobody asked for a stamp for this long is closed.</summary>
    public static TimeSpan IdleAfter { get; } = TimeSpan.FromMinutes(1);

    internal CouchDbServer Server { get; }

    internal TimeSpan Heartbeat { get; }

    internal long SilenceTicks { get; }

    internal long IdleTicks { get; }

    /// <summary>The database's stamp, or null while its feed is starting, down or silent (or none may be opened).</summary>
    public long? Stamp(string database)
    {
        if (feeds.TryGetValue(database, out var feed))
        {
            return feed.Stamp();
        }
        // with the feeds off every read ends here, without touching the shared count
        if (watched == 0 || stopping.IsCancellationRequested)
        {
            return null;
        }
        if (Interlocked.Increment(ref open) > watched)
        {
            Interlocked.Decrement(ref open);
            return null;
        }
        feed = new CouchDbChangeFeed(database, this);
        if (feeds.TryAdd(database, feed))
        {
            Start(feed);
        }
        else
        {
            Interlocked.Decrement(ref open);
        }
        return null;
    }

    /// <summary>After each write of this instance to <paramref name="database"/>, committed or not.</summary>
    public void Written(string database)
    {
        if (feeds.TryGetValue(database, out var feed))
        {
            feed.Moved();
        }
    }

    /// <summary>Stops the feeds without waiting for them (a container disposed synchronously).</summary>
    public void Dispose() => stopping.Cancel();

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(running.Keys).ConfigureAwait(false);
        stopping.Dispose();
    }

    // one sequence for every feed, so a feed opened again never gives a stamp an older feed gave
    internal long NextStamp() => Interlocked.Increment(ref stamps);

    internal void Lost(string database, string reason, bool first) =>
        FeedLost(logger, first ? LogLevel.Warning : LogLevel.Debug, database, Server.Display, reason);

    private void Start(CouchDbChangeFeed feed)
    {
        var http = clients.CreateClient(HttpClientName);
        var task = Task.Run(() => feed.RunAsync(http, stopping.Token));
        running.TryAdd(task, true);
        task.ContinueWith(
            ended =>
            {
                feeds.TryRemove(KeyValuePair.Create(feed.Database, feed));
                Interlocked.Decrement(ref open);
                running.TryRemove(ended, out _);
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    [LoggerMessage(Message = "The changes feed of {Database} at {Server} is down ({Reason}); its conferences are read from CouchDB until it is back")]
    private static partial void FeedLost(ILogger logger, LogLevel level, string database, string server, string reason);
}
