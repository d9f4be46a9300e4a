using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conferences.Core.Realtime;

/// <summary>The live state (D7); needs the messaging ports, and the host starts
/// <see cref="LiveConferenceFeed"/>.</summary>
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
