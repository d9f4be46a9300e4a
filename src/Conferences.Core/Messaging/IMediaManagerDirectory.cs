namespace Conferences.Core.Messaging;

/// <summary>
/// The media-server managers alive on the bus, so a search can stop as soon as every one of them answered
/// (<c>kz_nodes:whapp_count(ecallmgr, true)</c>, <c>kz_amqp_worker.erl</c>).
/// </summary>
public interface IMediaManagerDirectory
{
    /// <summary>The managers heard from within their expiry, ordered by node name.</summary>
    IReadOnlyList<MediaManager> Managers { get; }

    /// <summary>A manager not counted before (new, or back after expiring) was heard from; raised on the bus consumer.</summary>
    event EventHandler<MediaManager>? Joined;
}
