using Conferences.Api.Sandbox;
using Conferences.Infrastructure;
using Conferences.Infrastructure.Messaging;
using Conferences.MediaServer;

namespace Conferences.Api.MediaServer;

/// <summary>The simulator inside the API process: on by default with the in-process bus, off with RabbitMQ
/// (docs/amqp.md).</summary>
public static class EmbeddedMediaServerExtensions
{
    public const string SimulatorKey = SimulatorOptions.SectionName + ":Simulator";

    public static bool SimulatorEnabled(IConfiguration configuration)
    {
        var byDefault = configuration.MessagingProvider() == PortProvider.Messaging.Embedded;
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
