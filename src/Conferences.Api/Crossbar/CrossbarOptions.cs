namespace Conferences.Api.Crossbar;

public sealed class CrossbarOptions
{
    public const string Section = "Crossbar";

    /// <summary>Largest accepted request body, Kazoo's <c>crossbar.max_upload_size</c> (docs/compatibility.md D10).</summary>
    public long MaxBodyBytes { get; set; } = 8_000_000;

    public string Version { get; set; } = "5.0.0";

    /// <summary>Gzip answers over 300 bytes for clients that accept it, Kazoo's <c>crossbar.compress_response_body</c>.</summary>
    public bool CompressResponseBody { get; set; } = true;
}
