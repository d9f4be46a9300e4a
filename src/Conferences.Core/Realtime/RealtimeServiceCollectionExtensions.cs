using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conferences.Core.Realtime;

/// <summary>
/// Registers the live conference state (docs/compatibility.md D7) and its read side <see cref="ILiveConferences"/>. It needs the
/// messaging ports (subscriber, bus health, media-manager directory, discovery), which a bus adapter registers; the
/// host starts <see cref="LiveConferenceFeed"/> (a hosted service in Infrastructure).
/// </summary>
public static class RealtimeServiceCollectionExtensions
{
    public static IServiceCollection AddLiveConferences(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LiveConferenceState>();
        services.TryAddSingleton<LiveConferenceSync>();
        services.TryAddSingleton<LiveSyncScheduler>();
        services.TryAddSingleton<LiveConferenceFeed>();
        services.TryAddSingleton<ILiveConferences, LiveConferences>();
        return services;
    }
}
