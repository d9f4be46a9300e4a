using Conferences.Core.Idempotency;
using Microsoft.AspNetCore.TestHost;

namespace Conferences.Api.Tests.Idempotency;

/// <summary>
/// The embedded service whose key claims each take <see cref="Delay"/>: duplicates sent together both reach their
/// act long before either claim is decided, so an act that did not wait for its claim would run twice.
/// </summary>
public sealed class SlowClaimsApiFactory : ApiFactory
{
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(400);

    public SlowClaimsApiFactory() => Settings.FastSimulator();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var original = services.Last(d => d.ServiceType == typeof(IIdempotencyStore));
            services.Remove(original);
            services.AddSingleton<IIdempotencyStore>(sp => new SlowClaims((IIdempotencyStore)(original.ImplementationInstance
                ?? original.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!))));
        });
    }

    private sealed class SlowClaims(IIdempotencyStore inner) : IIdempotencyStore
    {
        public async Task<IdempotencyEntry?> ClaimAsync(IdempotencyEntry claim, long now, CancellationToken ct)
        {
            await Task.Delay(Delay, ct);
            return await inner.ClaimAsync(claim, now, ct);
        }

        public Task CompleteAsync(IdempotencyEntry claim, IdempotentAnswer answer, long expires, CancellationToken ct) => inner.CompleteAsync(claim, answer, expires, ct);

        public Task ReleaseAsync(IdempotencyEntry claim, CancellationToken ct) => inner.ReleaseAsync(claim, ct);

        public Task<int> RemoveExpiredAsync(long now, CancellationToken ct) => inner.RemoveExpiredAsync(now, ct);
    }
}
