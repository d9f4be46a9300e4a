using Conferences.Core.Realtime;
using Conferences.Infrastructure.Messaging;

namespace Conferences.Infrastructure.Realtime;

/// <summary>Starts the <see cref="LiveConferenceFeed"/> with the host (D7), retrying while the bus is down, and ends it
/// when the host stops.</summary>
public static class RealtimeHostingExtensions
{
    public static IServiceCollection AddLiveConferenceFeed(this IServiceCollection services)
    {
        services.AddHostedService<BusListenerHost<LiveConferenceFeed>>();
        return services;
    }
}
