namespace Conferences.Core.Messaging;

/// <summary>Advertises a node (the simulator as <c>ecallmgr</c>) every half
/// <see cref="NodeAdvertisement.Expires"/>.</summary>
public sealed partial class NodeAdvertiser(IKapiPublisher publisher, TimeProvider clock, ILogger<NodeAdvertiser> logger)
{
    public async Task RunAsync(NodeAdvertisement self, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(self.Expires, TimeSpan.Zero);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await publisher.AdvertiseAsync(KapiNodes.Advertise(self), cancellationToken).ConfigureAwait(false);
            }
            catch (BusUnavailableException e)
            {
                LogAdvertiseFailed(e, self.Node);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // stopped in the middle of a heartbeat
                return;
            }
            try
            {
                // beat twice per advertised lifetime, so one late heartbeat on a busy machine does not expire the node
                await Task.Delay(self.Expires / 2, clock, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not advertise node {Node}; retrying at the next heartbeat")]
    private partial void LogAdvertiseFailed(Exception exception, string node);
}
