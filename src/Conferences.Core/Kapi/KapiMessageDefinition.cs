namespace Conferences.Core.Kapi;

/// <summary>
/// One message of <c>kapi_conference.erl</c>: its <c>*_HEADERS</c> (required keys, with "one of" groups),
/// <c>OPTIONAL_*_HEADERS</c>, <c>*_VALUES</c> (fixed values and allowed-value lists) and <c>*_TYPES</c>
/// (<c>kapi_conference.erl</c>). The common headers of <c>kz_api.erl</c> are allowed on every message and not listed here.
/// </summary>
public sealed record KapiMessageDefinition
{
    /// <summary>The kapi function name, e.g. <c>search_req</c>, <c>mute_participant</c>.</summary>
    public required string Name { get; init; }

    public required string EventCategory { get; init; }

    public required string EventName { get; init; }

    /// <summary>Keys that must be present (with a non-empty value).</summary>
    public IReadOnlyList<string> RequiredKeys { get; init; } = [];

    /// <summary>Groups of which at least one key must be present, e.g. <c>Conference-ID</c> / <c>Account-ID</c>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> RequiredOneOf { get; init; } = [];

    public IReadOnlyList<string> OptionalKeys { get; init; } = [];

    /// <summary>
    /// Fixed values besides <c>Event-Category</c>/<c>Event-Name</c> (e.g. <c>Application-Name</c>); set by the
    /// builder when absent, and a present value must equal them. A fixed key that is not declared (dial_resp's
    /// <c>Application-Name</c>) is checked when present but stripped by the builder, as in Kazoo.
    /// </summary>
    public IReadOnlyDictionary<string, string> FixedValues { get; init; } = new Dictionary<string, string>();

    /// <summary>Enumerations: a present value must be one of these strings (e.g. <c>Relationship</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AllowedValues { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The type every present declared key must have.</summary>
    public IReadOnlyDictionary<string, KapiValueType> Types { get; init; } = new Dictionary<string, KapiValueType>();

    /// <summary>The fixed <c>Application-Name</c> of a command, or null.</summary>
    public string? ApplicationName => FixedValues.GetValueOrDefault(KapiKeys.ApplicationName);

    /// <summary><c>Event-Category</c>, <c>Event-Name</c> and <see cref="FixedValues"/>.</summary>
    public IEnumerable<KeyValuePair<string, string>> AllFixedValues =>
        [new(KapiHeaders.EventCategory, EventCategory), new(KapiHeaders.EventName, EventName), .. FixedValues];

    /// <summary>Required keys, the keys of the "one of" groups, then optional keys, in declaration order.</summary>
    public IReadOnlyList<string> DeclaredKeys => [.. RequiredKeys.Concat(RequiredOneOf.SelectMany(g => g)).Concat(OptionalKeys).Distinct()];

    public bool Declares(string key) => RequiredKeys.Contains(key) || OptionalKeys.Contains(key) || RequiredOneOf.Any(g => g.Contains(key));
}
