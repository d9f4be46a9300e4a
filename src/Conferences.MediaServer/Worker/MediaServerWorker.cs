using Conferences.Infrastructure;
using Conferences.Infrastructure.Messaging;
using Conferences.Infrastructure.Messaging.RabbitMq;
using Conferences.Infrastructure.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Conferences.MediaServer.Worker;

/// <summary>The simulator as its own process on RabbitMQ (docs/amqp.md). No settings file: it would be copied over the
/// API's.</summary>
public static class MediaServerWorker
{
    /// <summary>A RabbitMQ installed on this machine with its default account, as <c>dotnet run</c> expects it.</summary>
    public const string DefaultRabbitMq = "amqp://guest:guest@127.0.0.1:5672/";

    public const string ConnectionStringKey = "ConnectionStrings:" + RabbitMqOptions.ConnectionStringName;

    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        [ConnectionStringKey] = DefaultRabbitMq,
        // its connection's name in the broker's management UI, beside the API's "conferences"
        [$"{RabbitMqOptions.Section}:ClientName"] = "conferences-mediaserver",
    };

    /// <returns>0 after a clean stop; 1 when it could not start (the log says why); 2 for a configuration error.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        IHost host;
        try
        {
            host = CreateBuilder(args).Build();
        }
        catch (InvalidOperationException e)
        {
            // before logging exists: a missing or malformed setting, named in the message
            await Console.Error.WriteLineAsync($"Conferences.MediaServer: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        try
        {
            // RunAsync disposes the host (and so flushes the log) whichever way it ends.
            await host.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return 0; // stopped while still waiting for the broker
        }
        catch (Exception e) when (e is OptionsValidationException or BusUnavailableException or InvalidOperationException)
        {
            return 1; // the host logged it ("Hosting failed to start")
        }
    }

    public static HostApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ApplicationName = "Conferences.MediaServer",
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } environment ? environment : Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(Defaults).AddEnvironmentVariables().AddCommandLine(args);
        builder.AddWorkerLogging();
        builder.AddMediaServerWorker();
        return builder;
    }

    /// <exception cref="InvalidOperationException"><c>Messaging:Provider</c> names another bus, or the connection string is not an AMQP URI.</exception>
    public static HostApplicationBuilder AddMediaServerWorker(this HostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // An in-process bus in a process of its own would reach nobody.
        var messaging = PortProvider.Messaging;
        if (builder.Configuration[messaging.Key] is { Length: > 0 } provider
            && !string.Equals(provider, messaging.Production, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"the media-server worker speaks RabbitMQ only, but {messaging.Key} is '{provider}'; leave it unset or set it to '{messaging.Production}'.");
        }
        builder.Services.AddRabbitMqMessaging(builder.Configuration);
        // A media-server manager does not count media-server managers (crossbar does): no node directory here.
        foreach (var directory in builder.Services.Where(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType == typeof(BusListenerHost<MediaManagerDirectory>)).ToList())
        {
            builder.Services.Remove(directory);
        }
        // hosted services start in registration order: the gate before the simulator
        builder.Services.AddHostedService<BrokerGate>();
        builder.Services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.SectionName);
        builder.Services.AddMediaServerSimulator();
        // its spans join the API's traces through the messages' trace context (docs/operations.md, "Traces")
        builder.Services.AddConferencesOpenTelemetry(builder.Configuration, "conferences-mediaserver", storeSystem: null);
        return builder;
    }
}
