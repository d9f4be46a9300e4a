namespace Conferences.Api.Tests.Fixtures;

/// <summary>A clock stopped at a given instant, to issue tokens that have already expired.</summary>
public sealed class PastClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
