namespace Conferences.Core.Blackhole;

/// <summary>Where a <c>since</c>/<c>snapshot</c> subscription starts: the held events to replay, or a snapshot that
/// follows <see cref="Newest"/>; live events after <see cref="After"/> follow either.</summary>
internal sealed record BlackholeResume(string ConferenceId, List<BlackholeEvent>? Replay, long After, BlackholeEvent? Newest)
{
    public bool IsSnapshot => Replay is null;

    public static BlackholeResume Snapshot(string conferenceId, BlackholeEvent? newest) => new(conferenceId, null, newest?.Sequence ?? 0, newest);
}
