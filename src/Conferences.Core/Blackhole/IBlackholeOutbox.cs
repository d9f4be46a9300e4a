namespace Conferences.Core.Blackhole;

/// <summary>
/// Where a session's frames go: the socket's bounded outgoing queue. Never blocks; a full queue refuses the frame
/// (and the socket is closed for being too slow), so a slow client never holds up the bus or another client.
/// </summary>
public interface IBlackholeOutbox
{
    /// <returns>false when the frame was not queued (queue full or connection closing).</returns>
    bool TryEnqueue(byte[] frame);
}
