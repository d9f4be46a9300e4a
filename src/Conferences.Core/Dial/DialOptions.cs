namespace Conferences.Core.Dial;

/// <summary>The <c>Dial</c> configuration section: where crossbar's <c>dial</c> goes and how long it may wait.</summary>
public sealed class DialOptions
{
    public const string Section = "Dial";

    /// <summary><c>kz_config:zone()</c>: the zone whose managers take the dial
    /// (<c>kapi_conference:publish_dial/2</c>).</summary>
    public string Zone { get; set; } = Kapi.KapiRoutingKeys.DefaultZone;

    /// <summary>The sender's node name, <c>Node</c> of the dial request; default <c>crossbar@{machine name}</c>.</summary>
    public string? NodeName { get; set; }

    /// <summary>Kazoo waits <c>timeout × 1000 × endpoints</c> ms unbounded; this cap keeps a dial from holding a
    /// request for hours.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(10);

    public string SenderNode => string.IsNullOrEmpty(NodeName) ? $"crossbar@{Environment.MachineName}" : NodeName;
}
