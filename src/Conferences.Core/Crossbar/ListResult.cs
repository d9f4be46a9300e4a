namespace Conferences.Core.Crossbar;

/// <summary>One page (<c>crossbar_view</c>); the start keys are already encoded, null when not paginated.</summary>
public sealed record ListResult(JsonArray Items, bool Paginated, string? StartKey, string? NextStartKey);
