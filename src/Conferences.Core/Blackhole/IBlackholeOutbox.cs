namespace Conferences.Core.Blackhole;

/// <summary>Never blocks: a full queue refuses the frame, so a slow client never holds up the bus (ADR 0006).</summary>
public interface IBlackholeOutbox
{
    bool TryEnqueue(byte[] frame);
}
