using Conferences.Core.Actions.Applied;
using Conferences.Core.Realtime;
using Conferences.Tests.Time;
using Microsoft.Extensions.Options;

namespace Conferences.Api.Tests.Applied;

/// <summary>
/// The <c>wait=applied</c> timeout of a test service: long on real time, so a loaded machine only makes a confirmation
/// slower, and on a <see cref="TimeoutClock"/> that the tests expecting the timeout hold and expire by hand.
/// </summary>
internal static class AppliedClock
{
    public const string LongTimeout = "00:00:20";

    public static ApiSettings LongAppliedTimeout(this ApiSettings settings) => settings.Set("Actions:AppliedTimeout", LongTimeout);

    /// <summary>The timeout measured by <paramref name="clock"/>; nothing else in the service uses that clock.</summary>
    public static IServiceCollection UseAppliedClock(this IServiceCollection services, TimeoutClock clock) =>
        services.AddSingleton(sp => new AppliedWaiter(
            sp.GetRequiredService<LiveConferenceState>(), sp.GetRequiredService<IOptions<AppliedWaitOptions>>(), clock));
}
