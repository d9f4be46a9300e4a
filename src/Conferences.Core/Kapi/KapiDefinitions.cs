using K = Conferences.Core.Kapi.KapiKeys;
using T = Conferences.Core.Kapi.KapiValueType;

namespace Conferences.Core.Kapi;

// Builders for the rows of KapiConference, in the shape of kapi's header, value and type lists.
internal static class KapiDefinitions
{
    public static KapiMessageDefinition Command(
        string applicationName,
        string[]? required = null,
        string[]? optional = null,
        (string Key, KapiValueType Type)[]? types = null,
        (string Key, string[] Values)[]? allowed = null,
        string? name = null)
    {
        var allTypes = Types((K.ApplicationName, T.String), (K.ConferenceId, T.String));
        foreach (var key in (required ?? []).Concat(optional ?? []).Where(k => k == K.ParticipantId))
        {
            allTypes[key] = T.IntegerOrNumericString;
        }
        foreach (var (key, type) in types ?? [])
        {
            allTypes[key] = type;
        }
        return new KapiMessageDefinition
        {
            Name = name ?? applicationName,
            EventCategory = KapiConference.Category,
            EventName = KapiConference.CommandEventName,
            RequiredKeys = [K.ApplicationName, K.ConferenceId, .. required ?? []],
            OptionalKeys = optional ?? [],
            FixedValues = new Dictionary<string, string> { [K.ApplicationName] = applicationName },
            AllowedValues = (allowed ?? []).ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Values, StringComparer.Ordinal),
            Types = allTypes,
        };
    }

    public static Dictionary<string, KapiValueType> Types(params (string Key, KapiValueType Type)[] types) =>
        types.ToDictionary(t => t.Key, t => t.Type, StringComparer.Ordinal);
}
