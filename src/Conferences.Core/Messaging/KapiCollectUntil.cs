namespace Conferences.Core.Messaging;

/// <summary>
/// When <c>call_collect</c> stops waiting (<c>kz_amqp_worker</c>): when
/// <see cref="Replies"/> replies arrived, or when <see cref="Condition"/> holds for the replies so far, whichever
/// comes first, and at the latest after <see cref="Timeout"/>. <c>Replies = 0</c> means nobody can answer: nothing
/// is published and the result is empty at once (Kazoo's "no VFun, no responses").
/// </summary>
public sealed record KapiCollectUntil
{
    /// <summary>Kazoo's default request timeout (<c>kz_amqp_worker:default_timeout/0</c>).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMilliseconds(2000);

    public required TimeSpan Timeout { get; init; }

    public int? Replies { get; init; }

    /// <summary>Called with every reply so far (in arrival order) each time one arrives.</summary>
    public Func<IReadOnlyList<JsonObject>, bool>? Condition { get; init; }

    /// <summary>Everything that arrives within <paramref name="timeout"/>.</summary>
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
