namespace Conferences.Api.Crossbar;

public sealed class CrossbarOptions
{
    public const string Section = "Crossbar";

    /// <summary>Largest accepted request body, Kazoo's <c>crossbar.max_upload_size</c> (docs/compatibility.md D10).</summary>
    public long MaxBodyBytes { get; set; } = 8_000_000;

    public string Version { get; set; } = "5.0.0";
}
