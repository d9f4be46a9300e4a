namespace Conferences.MediaServer;

/// <summary>One instance is one ecallmgr with one FreeSWITCH of its own (docs/amqp.md); empty names derive from
/// <see cref="Hostname"/>.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "MediaServer";

    /// <summary>Host name of the simulated media server; default <c>sim-{8 hex}</c>, new per instance.</summary>
    public string? Hostname { get; set; }

    /// <summary>The manager's Erlang node name, advertised on <c>nodes</c> and sent as <c>Node</c> on replies; default <c>ecallmgr@{Hostname}</c>.</summary>
    public string? NodeName { get; set; }

    /// <summary>The FreeSWITCH node name, <c>Node</c> of the conference events; default <c>freeswitch@{Hostname}</c>.</summary>
    public string? MediaNodeName { get; set; }

    /// <summary><c>Switch-URL</c> of searches; default <c>sip:mod_sofia@{Hostname}:11000</c>.</summary>
    public string? SwitchUrl { get; set; }

    public string SwitchExternalIp { get; set; } = "127.0.0.1";

    /// <summary>The zone whose dial requests this manager takes (<c>conference.command.{zone}</c>, <c>ecallmgr_fs_conferences_shared.erl</c>).</summary>
    public string Zone { get; set; } = "local";

    /// <summary>How long an answering (or busy, or failing) endpoint rings before its outcome.</summary>
    public TimeSpan AnswerDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Scales the wait of <c>sip:noanswer@…</c> endpoints: 0.01 makes 20 s last 200 ms (tests).</summary>
    public double TimeScale { get; set; } = 1.0;

    /// <summary>Seconds a dial waits for an endpoint when the request has no <c>Timeout</c> (crossbar always sends one; its default is 20).</summary>
    public int DefaultDialTimeoutSeconds { get; set; } = 20;

    /// <summary>The <c>Energy-Level</c> of a new member (<c>cb_conferences.erl</c> example).</summary>
    public int EnergyLevel { get; set; } = 20;

    /// <summary>Interval of the node heartbeat on <c>nodes</c> (also its <c>Expires</c>); Kazoo nodes beat every 5–15 s.</summary>
    public TimeSpan AdvertiseInterval { get; set; } = TimeSpan.FromSeconds(5);
}
