namespace Conferences.Core.Accounts;

public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    /// <summary>API key of the master account; generated once and written to the log when unset.</summary>
    public string? ApiKey { get; set; }

    public string AccountName { get; set; } = "master";
}
