namespace Conferences.Core.Blackhole;

/// <summary><c>bh_events:event/3</c> for every socket on a hub entry: each delivery rendered once and, for a
/// conference, numbered and held before its members read it (ADR 0016).</summary>
internal sealed partial class BlackholeHubDispatch(ILogger logger)
{
    public BlackholeSequencer Sequencer { get; } = new();

    // The members are read after the event is held, so a member that joined before a Resume that missed it receives it.
    public Task DispatchAsync(BlackholeHubBinding entry, KapiDelivery delivery)
    {
        if (entry.Window is null && entry.Members.Count == 0)
        {
            return Task.CompletedTask;
        }
        var evt = Sequencer.Stamp(entry, delivery);
        foreach (var member in entry.Members)
        {
            if (member.Filter?.Matches(evt) == false)
            {
                continue;
            }
            try
            {
                member.Receiver(evt);
            }
            catch (Exception e) // one failing session must not keep the event from the others
            {
                LogReceiverFailed(e, entry.AmqpBinding);
            }
        }
        evt.ForgetSharedFrame();
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A websocket session failed to take an event on {AmqpBinding}")]
    private partial void LogReceiverFailed(Exception exception, string amqpBinding);
}
