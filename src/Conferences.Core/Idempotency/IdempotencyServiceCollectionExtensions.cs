using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conferences.Core.Idempotency;

/// <summary>Registers the <c>Idempotency-Key</c> rule and its sweeper, the keys as documents unless the store brings its own port (the host runs the sweep: <c>IdempotencySweepService</c>).</summary>
public static class IdempotencyServiceCollectionExtensions
{
    public static IServiceCollection AddIdempotencyKeys(this IServiceCollection services)
    {
        services.AddOptions<IdempotencyOptions>()
            .BindConfiguration(IdempotencyOptions.Section)
            .Validate(o => o.Retention > TimeSpan.Zero, "Idempotency:Retention must be positive")
            .Validate(o => o.InProgressLease > TimeSpan.Zero, "Idempotency:InProgressLease must be positive")
            .Validate(o => o.SweepInterval > TimeSpan.Zero, "Idempotency:SweepInterval must be positive")
            .ValidateOnStart();
        services.TryAddSingleton<IIdempotencyStore, DocumentIdempotencyStore>();
        services.AddSingleton<IdempotencyKeys>();
        services.AddSingleton<IdempotencySweeper>();
        return services;
    }
}
