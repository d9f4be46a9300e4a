namespace Conferences.Core.Crossbar;

/// <summary>A GET's <c>data</c> already rendered to UTF-8 JSON, with its revision (absent for ad-hoc) and
/// <c>metadata</c> (D11), both rendered.</summary>
public sealed record RenderedDocument(ReadOnlyMemory<byte> Data, string? Revision, ReadOnlyMemory<byte> Metadata);
