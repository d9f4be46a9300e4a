namespace Conferences.Api.Crossbar;

/// <summary>
/// Marks a PUT that acts: it honours <c>Idempotency-Key</c> (<see cref="IdempotencyFilter"/>). Runs after the
/// controller's <see cref="CrossbarAccountAttribute"/> (action filters run controller scope first), so the caller is known.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IdempotentAttribute : TypeFilterAttribute
{
    public IdempotentAttribute()
        : base(typeof(IdempotencyFilter))
    {
    }
}
