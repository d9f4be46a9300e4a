namespace Conferences.Infrastructure.Realtime;

/// <summary>Hosts the live conference state's event feed (the Core registrations come with <c>AddConferencesCore</c>).</summary>
public static class RealtimeHostingExtensions
{
    public static IServiceCollection AddLiveConferenceFeed(this IServiceCollection services)
    {
        services.AddHostedService<LiveConferenceFeedService>();
        return services;
    }
}
