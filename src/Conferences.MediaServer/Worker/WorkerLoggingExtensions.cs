using Serilog;
using Serilog.Formatting.Compact;

namespace Conferences.MediaServer.Worker;

/// <summary>The worker logs as the API does (docs/operations.md).</summary>
public static class WorkerLoggingExtensions
{
    public static HostApplicationBuilder AddWorkerLogging(this HostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var format = configuration["Logging:Format"];
        var json = format == "json" || (!builder.Environment.IsDevelopment() && format != "text");
        builder.Services.AddSerilog((_, logger) =>
        {
            logger.ReadFrom.Configuration(configuration).Enrich.FromLogContext();
            if (json)
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}");
            }
        });
        return builder;
    }
}
