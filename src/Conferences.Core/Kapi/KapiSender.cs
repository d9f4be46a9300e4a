namespace Conferences.Core.Kapi;

/// <summary><c>App-Name</c>, <c>App-Version</c> and <c>Node</c> (the sender's Erlang node name, e.g.
/// <c>crossbar@api1</c>).</summary>
public sealed record KapiSender(string AppName, string AppVersion, string Node)
{
    /// <summary>crossbar's searches and dial requests.</summary>
    public static KapiSender Crossbar(string node) => new(KapiApps.CrossbarName, KapiApps.CrossbarVersion, node);

    /// <summary>Conference commands, which crossbar builds through <c>kapps_conference_command</c>.</summary>
    public static KapiSender KappsConference(string node) => new(KapiApps.KappsConferenceName, KapiApps.KappsConferenceVersion, node);

    /// <summary>The media-server manager's replies (search, error, dial).</summary>
    public static KapiSender Ecallmgr(string node) => new(KapiApps.EcallmgrName, KapiApps.EcallmgrVersion, node);

    /// <summary>Conference events, which carry FreeSWITCH's identity.</summary>
    public static KapiSender FreeSwitch(string node) => new(KapiApps.FreeSwitchName, KapiApps.FreeSwitchVersion, node);
}
