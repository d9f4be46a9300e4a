namespace Conferences.Core.Actions;

/// <summary>Remembers the last recording started here so a stop without a name stops it (D4).</summary>
public sealed class RecordingNames(TimeProvider clock)
{
    /// <summary>Conferences whose recording was never stopped are forgotten after this long.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<(string Account, string Conference), (string Name, DateTimeOffset Started)> started = new();

    /// <summary><c>conference_{conf}_{UTC yyyyMMddHHmmss}_{8 hex}.mp3</c>, the id reduced to
    /// <c>[A-Za-z0-9_-]</c>.</summary>
    public string NewName(string conferenceId)
    {
        ArgumentNullException.ThrowIfNull(conferenceId);
        var safe = new StringBuilder(conferenceId.Length);
        foreach (var c in conferenceId)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }
        var stamp = clock.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        return $"conference_{safe}_{stamp}_{KazooIds.RandomHex(4)}.mp3";
    }

    public void Started(string accountId, string conferenceId, string mediaName)
    {
        var now = clock.GetUtcNow();
        started[(accountId, conferenceId)] = (mediaName, now);
        if (started.Count > PruneAbove)
        {
            foreach (var (key, value) in started)
            {
                if (now - value.Started > Retention)
                {
                    started.TryRemove(key, out _);
                }
            }
        }
    }

    public string? Current(string accountId, string conferenceId) =>
        started.TryGetValue((accountId, conferenceId), out var entry) && clock.GetUtcNow() - entry.Started <= Retention ? entry.Name : null;

    /// <summary>The recording <paramref name="mediaName"/> was stopped: forget it when it is the one remembered.</summary>
    public void Stopped(string accountId, string conferenceId, string mediaName)
    {
        var key = (accountId, conferenceId);
        if (started.TryGetValue(key, out var entry) && entry.Name == mediaName)
        {
            started.TryRemove(new KeyValuePair<(string, string), (string, DateTimeOffset)>(key, entry));
        }
    }
}
