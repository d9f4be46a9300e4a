using Conferences.MediaServer.Control;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Conferences.MediaServer;

/// <summary>The simulator as a hosted service on whatever bus the host registered; hosts bind
/// <see cref="SimulatorOptions"/> themselves.</summary>
public static class MediaServerServiceCollectionExtensions
{
    public static IServiceCollection AddMediaServerSimulator(this IServiceCollection services, Action<SimulatorOptions>? configure = null)
    {
        var options = services.AddOptions<SimulatorOptions>()
            .Validate(o => o.AnswerDelay >= TimeSpan.Zero, "MediaServer: AnswerDelay must not be negative")
            .Validate(o => o.TimeScale >= 0, "MediaServer: TimeScale must not be negative")
            .Validate(o => o.DefaultDialTimeoutSeconds > 0, "MediaServer: DefaultDialTimeoutSeconds must be positive")
            .Validate(o => o.AdvertiseInterval > TimeSpan.Zero, "MediaServer: AdvertiseInterval must be positive")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Zone), "MediaServer: Zone must not be empty")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MediaServerSimulator>();
        services.TryAddSingleton(sp => sp.GetRequiredService<MediaServerSimulator>().Control);
        services.AddHostedService(sp => sp.GetRequiredService<MediaServerSimulator>());
        return services;
    }
}
