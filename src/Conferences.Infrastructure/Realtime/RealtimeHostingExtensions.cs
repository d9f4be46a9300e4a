namespace Conferences.Infrastructure.Realtime;

public static class RealtimeHostingExtensions
{
    public static IServiceCollection AddLiveConferenceFeed(this IServiceCollection services)
    {
        services.AddHostedService<LiveConferenceFeedService>();
        return services;
    }
}
