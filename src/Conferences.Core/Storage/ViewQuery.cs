namespace Conferences.Core.Storage;

/// <summary>
/// CouchDB view query parameters. Keys are strings (every Kazoo view the service uses has string keys).
/// <see cref="Keys"/> selects exact keys (rows in key order per requested key); otherwise <see cref="StartKey"/>
/// / <see cref="EndKey"/> bound the range in the direction of <see cref="Descending"/> (both inclusive).
/// </summary>
public sealed record ViewQuery
{
    public IReadOnlyList<string>? Keys { get; init; }

    public string? StartKey { get; init; }

    public string? EndKey { get; init; }

    public int? Limit { get; init; }

    public bool Descending { get; init; }

    public bool IncludeDocs { get; init; }
}
