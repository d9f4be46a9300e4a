namespace Conferences.Infrastructure.Messaging;

/// <summary>Keeps the <see cref="MediaManagerDirectory"/> listening to node heartbeats (<c>kz_nodes</c>) for the host's lifetime.</summary>
public sealed class MediaManagerDirectoryService(
    MediaManagerDirectory directory,
    TimeProvider clock,
    ILogger<MediaManagerDirectoryService> logger) : BusListenerService(clock, logger)
{
    protected override string Activity => "listen to node heartbeats";

    protected override Task StartListeningAsync(CancellationToken cancellationToken) => directory.StartAsync(cancellationToken);
}
