namespace Conferences.Core.Messaging;

/// <summary>So a search can stop once every manager answered (<c>kz_nodes:whapp_count(ecallmgr, true)</c>).</summary>
public interface IMediaManagerDirectory
{
    IReadOnlyList<MediaManager> Managers { get; }

    /// <summary>A manager not counted before (new, or back after expiring) was heard from; raised on the bus consumer.</summary>
    event EventHandler<MediaManager>? Joined;
}
