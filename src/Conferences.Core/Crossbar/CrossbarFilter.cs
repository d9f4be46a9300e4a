namespace Conferences.Core.Crossbar;

/// <summary><c>crossbar_filter.erl</c> over each row's stored document; a filter that cannot be evaluated excludes the
/// row.</summary>
public sealed class CrossbarFilter
{
    private readonly List<Func<JsonObject, bool>> _predicates;

    private CrossbarFilter(List<Func<JsonObject, bool>> predicates) => _predicates = predicates;

    public static CrossbarFilter? FromQuery(IReadOnlyDictionary<string, string> query)
    {
        var predicates = new List<Func<JsonObject, bool>>();
        foreach (var (key, value) in query)
        {
            if (Predicate(key, value) is { } predicate)
            {
                predicates.Add(predicate);
            }
        }
        return predicates.Count == 0 ? null : new CrossbarFilter(predicates);
    }

    public bool Matches(JsonObject document) => _predicates.TrueForAll(p => p(document));

    private static Func<JsonObject, bool>? Predicate(string key, string value)
    {
        if (key.StartsWith("filter_not_", StringComparison.Ordinal))
        {
            var path = key["filter_not_".Length..];
            return doc => !ValueMatches(doc, path, value);
        }
        if (key.StartsWith("filter_", StringComparison.Ordinal))
        {
            var path = key["filter_".Length..];
            return doc => ValueMatches(doc, path, value);
        }
        return key switch
        {
            "has_key" => doc => KazooJson.HasPath(doc, value),
            "key_missing" => doc => !KazooJson.HasPath(doc, value),
            "has_value" => doc => !KazooJson.IsEmpty(KazooJson.GetPath(doc, value)),
            "value_missing" => doc => KazooJson.IsEmpty(KazooJson.GetPath(doc, value)),
            "created_from" => doc => Compare(doc, KazooFields.Created, value, (stamp, bound) => stamp >= bound),
            "created_to" => doc => Compare(doc, KazooFields.Created, value, (stamp, bound) => stamp <= bound),
            "modified_from" => doc => Compare(doc, KazooFields.Modified, value, (stamp, bound) => stamp >= bound),
            "modified_to" => doc => Compare(doc, KazooFields.Modified, value, (stamp, bound) => stamp <= bound),
            _ => null,
        };
    }

    private static bool ValueMatches(JsonObject doc, string path, string expected)
    {
        var actual = KazooJson.GetPath(doc, path);
        if (actual is null)
        {
            return false;
        }
        var actualText = KazooJson.Stringify(actual);
        if (TryParseArray(expected) is { } options)
        {
            return options.Any(option => KazooJson.Stringify(option) == actualText);
        }
        return actualText == expected;
    }

    private static JsonArray? TryParseArray(string value)
    {
        if (!value.StartsWith('['))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(value) as JsonArray;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool Compare(JsonObject doc, string field, string bound, Func<long, long, bool> test) =>
        long.TryParse(bound, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit)
        && KazooJson.GetLong(doc, field) is { } stamp
        && test(stamp, limit);
}
