namespace Conferences.Infrastructure;

/// <summary>A <c>{Section}:Provider</c> setting: which adapter serves a port, the embedded one unless the setting names
/// the production one (docs/operations.md). One record for both ports, so their keys and messages read alike.</summary>
public sealed record PortProvider(string Section, string Embedded, string Production)
{
    public static readonly PortProvider Storage = new("Storage", "sqlite", "couchdb");

    public static readonly PortProvider Messaging = new("Messaging", "inprocess", "rabbitmq");

    /// <summary>The configuration key, e.g. <c>Storage:Provider</c>.</summary>
    public string Key => $"{Section}:Provider";

    /// <summary>Why the production adapter's settings are required, for the errors that name a missing one.</summary>
    public string ProductionChosen => $"{Key} is '{Production}'";

    public InvalidOperationException Unsupported(string provider) =>
        new($"{Key} '{provider}' is not supported; use '{Embedded}' or '{Production}'.");
}
