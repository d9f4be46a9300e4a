namespace Conferences.Core.Messaging;

/// <summary><c>kz_amqp_worker</c>'s stop rule; <c>Replies = 0</c> publishes nothing ("no VFun, no
/// responses").</summary>
public sealed record KapiCollectUntil
{
    /// <summary>Kazoo's default request timeout (<c>kz_amqp_worker:default_timeout/0</c>).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMilliseconds(2000);

    public required TimeSpan Timeout { get; init; }

    public int? Replies { get; init; }

    public Func<IReadOnlyList<JsonObject>, bool>? Condition { get; init; }

    public static KapiCollectUntil TimeoutElapsed(TimeSpan timeout) => new() { Timeout = timeout };

    /// <summary><paramref name="count"/> replies, or what arrived within <paramref name="timeout"/>.</summary>
    public static KapiCollectUntil Count(int count, TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new() { Timeout = timeout, Replies = count };
    }

    /// <summary>Until <paramref name="condition"/> holds, or what arrived within <paramref name="timeout"/>.</summary>
    public static KapiCollectUntil Satisfied(Func<IReadOnlyList<JsonObject>, bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new() { Timeout = timeout, Condition = condition };
    }
}
