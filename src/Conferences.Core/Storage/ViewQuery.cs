namespace Conferences.Core.Storage;

/// <summary>String keys only; bounds are inclusive in the direction of <see cref="Descending"/>.</summary>
public sealed record ViewQuery
{
    public IReadOnlyList<string>? Keys { get; init; }

    public string? StartKey { get; init; }

    public string? EndKey { get; init; }

    public int? Limit { get; init; }

    public bool Descending { get; init; }

    public bool IncludeDocs { get; init; }
}
