namespace Conferences.Core.Kapi;

/// <summary>One message's <c>*_HEADERS</c>, <c>OPTIONAL_*_HEADERS</c>, <c>*_VALUES</c> and <c>*_TYPES</c>
/// (<c>kapi_conference.erl</c>).</summary>
public sealed record KapiMessageDefinition
{
    public required string Name { get; init; }

    public required string EventCategory { get; init; }

    public required string EventName { get; init; }

    public IReadOnlyList<string> RequiredKeys { get; init; } = [];

    /// <summary>Groups of which at least one key must be present, e.g. <c>Conference-ID</c> / <c>Account-ID</c>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> RequiredOneOf { get; init; } = [];

    public IReadOnlyList<string> OptionalKeys { get; init; } = [];

    /// <summary>Set when absent and checked when present; an undeclared fixed key (dial_resp's) is checked but
    /// stripped.</summary>
    public IReadOnlyDictionary<string, string> FixedValues { get; init; } = new Dictionary<string, string>();

    /// <summary>Enumerations: a present value must be one of these strings (e.g. <c>Relationship</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AllowedValues { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyDictionary<string, KapiValueType> Types { get; init; } = new Dictionary<string, KapiValueType>();

    public string? ApplicationName => FixedValues.GetValueOrDefault(KapiKeys.ApplicationName);

    /// <summary><c>Event-Category</c>, <c>Event-Name</c> and <see cref="FixedValues"/>.</summary>
    public IEnumerable<KeyValuePair<string, string>> AllFixedValues =>
        [new(KapiHeaders.EventCategory, EventCategory), new(KapiHeaders.EventName, EventName), .. FixedValues];

    public IReadOnlyList<string> DeclaredKeys => [.. RequiredKeys.Concat(RequiredOneOf.SelectMany(g => g)).Concat(OptionalKeys).Distinct()];

    public bool Declares(string key) => RequiredKeys.Contains(key) || OptionalKeys.Contains(key) || RequiredOneOf.Any(g => g.Contains(key));
}
