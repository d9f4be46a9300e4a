namespace Conferences.Core.Kapi;

/// <summary><c>App-Name</c>/<c>App-Version</c> of the Kazoo applications on the conference bus
/// (<c>kz_amqp_worker.erl</c>).</summary>
public static class KapiApps
{
    public const string CrossbarName = "crossbar";
    public const string CrossbarVersion = "4.0.0";

    public const string KappsConferenceName = "kapps_conference";
    public const string KappsConferenceVersion = "1.0.0";

    /// <summary>ecallmgr's <c>APP_VERSION</c> in Kazoo HEAD (also the version in the <c>kapi_conference:search_resp/1</c> example).</summary>
    public const string EcallmgrName = "ecallmgr";
    public const string EcallmgrVersion = "5.0.0";

    public const string FreeSwitchName = "freeswitch";
    public const string FreeSwitchVersion = "1.0";
}
