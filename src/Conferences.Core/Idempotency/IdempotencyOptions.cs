namespace Conferences.Core.Idempotency;

/// <summary>The <c>Idempotency</c> configuration section (docs/operations.md, "Idempotency keys").</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a key's first answer is replayed; afterwards the key may be used again.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a request under a key may stay in progress before its claim counts as abandoned (an instance that
    /// stopped mid-request); longer than the longest action, a dial waiting up to <c>Dial:MaxWait</c>.
    /// </summary>
    public TimeSpan InProgressLease { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often each instance removes the keys whose time is over.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(10);
}
