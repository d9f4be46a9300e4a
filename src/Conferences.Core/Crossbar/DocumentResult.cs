namespace Conferences.Core.Crossbar;

/// <summary>
/// A single-document answer: the envelope's <c>data</c> and <c>revision</c> (absent for ad-hoc documents), and the
/// envelope's <c>metadata</c> when the answer has one (docs/compatibility.md D11).
/// </summary>
public sealed record DocumentResult(JsonObject Data, string? Revision)
{
    public JsonObject? Metadata { get; init; }
}
