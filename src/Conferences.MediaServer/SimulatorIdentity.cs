namespace Conferences.MediaServer;

public sealed record SimulatorIdentity(
    string Hostname,
    string ManagerNode,
    string MediaNode,
    string SwitchUrl,
    string SwitchExternalIp,
    string Zone)
{
    public string SwitchHostname => MediaNode.Contains('@', StringComparison.Ordinal) ? MediaNode[(MediaNode.IndexOf('@', StringComparison.Ordinal) + 1)..] : MediaNode;

    /// <summary>Replies (search, error, dial) come from ecallmgr.</summary>
    public KapiSender ManagerSender => KapiSender.Ecallmgr(ManagerNode);

    /// <summary>Conference events carry FreeSWITCH's identity (<c>kapi_conference:event/1</c>).</summary>
    public KapiSender EventSender => KapiSender.FreeSwitch(MediaNode);

    public static SimulatorIdentity From(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hostname = NonEmpty(options.Hostname) ?? $"sim-{KazooIds.RandomHex(4)}";
        return new(
            hostname,
            NonEmpty(options.NodeName) ?? $"{KapiApps.EcallmgrName}@{hostname}",
            NonEmpty(options.MediaNodeName) ?? $"{KapiApps.FreeSwitchName}@{hostname}",
            NonEmpty(options.SwitchUrl) ?? $"sip:mod_sofia@{hostname}:11000",
            options.SwitchExternalIp,
            NonEmpty(options.Zone) ?? KapiRoutingKeys.DefaultZone);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
