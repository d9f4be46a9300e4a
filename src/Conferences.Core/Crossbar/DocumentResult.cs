using System.Text.Json.Nodes;

namespace Conferences.Core.Crossbar;

/// <summary>A single-document answer: the envelope's <c>data</c> and <c>revision</c> (absent for ad-hoc documents).</summary>
public sealed record DocumentResult(JsonObject Data, string? Revision);
