using System.Diagnostics;

namespace Conferences.Infrastructure.Storage.CouchDb;

/// <summary>
/// One database's continuous <c>_changes</c> feed (<c>feed=continuous&amp;since=now&amp;heartbeat=…</c>): its stamp moves
/// on every change line and every reconnect, and is unknown while the feed is down or has been silent for two
/// heartbeats, so a stalled feed never keeps an answer longer than that (docs/operations.md, "Caches").
/// </summary>
internal sealed class CouchDbChangeFeed(string database, CouchDbChangeFeeds owner)
{
    private long stamp;
    private long lastHeard;
    private long lastAsked = Stopwatch.GetTimestamp();

    public string Database => database;

    /// <summary>The current stamp while the feed is heard from; null otherwise.</summary>
    public long? Stamp()
    {
        var now = Stopwatch.GetTimestamp();
        Volatile.Write(ref lastAsked, now);
        var heard = Volatile.Read(ref lastHeard);
        var current = Volatile.Read(ref stamp);
        return heard != 0 && now - heard <= owner.SilenceTicks ? current : null;
    }

    /// <summary>A write of this instance: moved at once, before the feed reports it.</summary>
    public void Moved() => Volatile.Write(ref stamp, owner.NextStamp());

    /// <summary>Reads the feed, reconnecting with a growing pause, until nothing asked for a stamp for a while.</summary>
    public async Task RunAsync(HttpClient http, CancellationToken stopping)
    {
        var pause = TimeSpan.FromMilliseconds(100);
        var healthy = true;
        while (!stopping.IsCancellationRequested && !Idle())
        {
            try
            {
                var outcome = await FollowAsync(http, stopping).ConfigureAwait(false);
                if (outcome is null)
                {
                    pause = TimeSpan.FromMilliseconds(100);
                    healthy = true;
                }
                else
                {
                    // one warning when a feed goes, the attempts after it at debug level
                    owner.Lost(database, outcome, healthy);
                    healthy = false;
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException)
            {
                owner.Lost(database, exception.Message, healthy);
                healthy = false;
            }
            Volatile.Write(ref lastHeard, 0);
            if (!await PausedAsync(pause, stopping).ConfigureAwait(false))
            {
                break;
            }
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
        }
        Volatile.Write(ref lastHeard, 0);
    }

    private static async Task<bool> PausedAsync(TimeSpan pause, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(pause, stopping).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private bool Idle() => Stopwatch.GetTimestamp() - Volatile.Read(ref lastAsked) > owner.IdleTicks;

    // null when the feed was established (it then ended or went idle), else why not; every byte counts as heard
    private async Task<string?> FollowAsync(HttpClient http, CancellationToken stopping)
    {
        var path = $"{CouchDbPaths.Database(database)}/_changes?feed=continuous&since=now&heartbeat={(int)owner.Heartbeat.TotalMilliseconds}";
        using var request = owner.Server.Request(HttpMethod.Get, path);
        using var connecting = Deadline(stopping);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, connecting.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return $"HTTP {(int)response.StatusCode}";
        }
        // whatever happened before the feed began is unknown: a new stamp, then heard
        Volatile.Write(ref stamp, owner.NextStamp());
        Volatile.Write(ref lastHeard, Stopwatch.GetTimestamp());
        await using var body = await response.Content.ReadAsStreamAsync(stopping).ConfigureAwait(false);
        var buffer = new byte[4096];
        var inLine = false;
        while (!Idle())
        {
            using var reading = Deadline(stopping);
            var read = await body.ReadAsync(buffer, reading.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }
            foreach (var b in buffer.AsSpan(0, read))
            {
                // a line with content is a change (or the closing last_seq): moved when it ends
                if (b == (byte)'\n')
                {
                    if (inLine)
                    {
                        Volatile.Write(ref stamp, owner.NextStamp());
                    }
                    inLine = false;
                }
                else if (b is not ((byte)'\r' or (byte)' '))
                {
                    inLine = true;
                }
            }
            Volatile.Write(ref lastHeard, Stopwatch.GetTimestamp());
        }
        return null;
    }

    // a feed that says nothing for ten heartbeats is given up and opened again (it keeps nothing after two)
    private CancellationTokenSource Deadline(CancellationToken stopping)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        deadline.CancelAfter(owner.Heartbeat * 10);
        return deadline;
    }
}
