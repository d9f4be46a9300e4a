namespace Conferences.Core.Messaging;

/// <summary>A node's <c>advertise</c>: name, <c>Expires</c> (also its heartbeat interval), <c>WhApps</c> and
/// zone.</summary>
public sealed record NodeAdvertisement(string Node, TimeSpan Expires, IReadOnlyList<string> WhApps, string? Zone = null)
{
    /// <summary>Whether the node runs a media-server manager (the <c>ecallmgr</c> application).</summary>
    public bool IsMediaManager => WhApps.Contains(KapiNodes.EcallmgrApp, StringComparer.Ordinal);
}
