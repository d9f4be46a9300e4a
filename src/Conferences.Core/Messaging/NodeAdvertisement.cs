namespace Conferences.Core.Messaging;

/// <summary>
/// What a Kazoo node says about itself in its <c>advertise</c> heartbeat (<see cref="KapiNodes"/>): its node name
/// (e.g. <c>ecallmgr@fs1.example.com</c>), how long the advertisement is good for (<c>Expires</c>, which is also
/// the node's heartbeat interval), the Kazoo applications it runs (<c>WhApps</c>) and its zone.
/// </summary>
public sealed record NodeAdvertisement(string Node, TimeSpan Expires, IReadOnlyList<string> WhApps, string? Zone = null)
{
    /// <summary>Whether the node runs a media-server manager (the <c>ecallmgr</c> application).</summary>
    public bool IsMediaManager => WhApps.Contains(KapiNodes.EcallmgrApp, StringComparer.Ordinal);
}
