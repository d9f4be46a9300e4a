namespace Conferences.Core.Crossbar;

/// <summary>
/// One page of a crossbar list: the items and the envelope's pagination keys (<c>crossbar_view</c>).
/// <see cref="StartKey"/>/<see cref="NextStartKey"/> are already encoded; both are null when not paginated.
/// </summary>
public sealed record ListResult(JsonArray Items, bool Paginated, string? StartKey, string? NextStartKey);
