namespace Conferences.Core.Crossbar;

/// <summary>The envelope's <c>data</c>, <c>revision</c> (absent for ad-hoc) and <c>metadata</c> (D11).</summary>
public sealed record DocumentResult(JsonObject Data, string? Revision)
{
    public JsonObject? Metadata { get; init; }
}
