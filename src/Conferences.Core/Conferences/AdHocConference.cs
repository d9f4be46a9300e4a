namespace Conferences.Core.Conferences;

/// <summary><c>cb_conferences:build_conference/2</c>; every schema default is present (docs/crossbar.md).</summary>
public static class AdHocConference
{
    public static JsonObject Build(KazooSchemaValidator validator, string conferenceId, JsonObject? requestData = null)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var doc = validator.Validate(ConferenceService.SchemaName, []).Document;
        if (requestData is not null)
        {
            MergeInto(doc, KazooDocument.CleanRequest(requestData));
        }
        doc[KazooFields.Id] = conferenceId;
        doc[KazooFields.Type] = ConferenceStore.DocumentType;
        return doc;
    }

    // kz_json:merge/2: objects merge recursively, anything else from the request replaces
    private static void MergeInto(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            if (value is JsonObject nested && target[key] is JsonObject existing)
            {
                MergeInto(existing, nested);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}
