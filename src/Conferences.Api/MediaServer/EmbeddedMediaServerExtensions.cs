using Conferences.Api.Sandbox;
using Conferences.Infrastructure.Messaging;
using Conferences.MediaServer;

namespace Conferences.Api.MediaServer;

/// <summary>
/// The built-in media-server simulator inside the API process (docs/operations.md <c>MediaServer:Simulator</c>, docs/amqp.md): on by
/// default with the in-process bus, off by default with RabbitMQ, where the simulator worker or a real Kazoo
/// ecallmgr plays the media-server manager. With it comes the console's sandbox (<c>…/x_simulator</c>, docs/console.md).
/// </summary>
public static class EmbeddedMediaServerExtensions
{
    public const string SimulatorKey = SimulatorOptions.SectionName + ":Simulator";

    public static bool SimulatorEnabled(IConfiguration configuration)
    {
        var byDefault = configuration.MessagingProvider() == MessagingOptions.InProcess;
        var value = configuration[SimulatorKey];
        if (string.IsNullOrEmpty(value))
        {
            return byDefault;
        }
        return bool.TryParse(value, out var enabled)
            ? enabled
            : throw new InvalidOperationException($"{SimulatorKey} must be true or false, not '{value}'.");
    }

    public static WebApplicationBuilder AddEmbeddedMediaServer(this WebApplicationBuilder builder)
    {
        if (SimulatorEnabled(builder.Configuration))
        {
            builder.Services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.SectionName);
            builder.Services.AddMediaServerSimulator();
            builder.Services.AddSimulatorSandbox();
        }
        return builder;
    }
}
