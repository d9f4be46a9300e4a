namespace Conferences.Core.Storage;

/// <summary>Kazoo's <c>_design/users</c> credential views, which <c>cb_user_auth</c> looks a login up in.</summary>
public static class UserViews
{
    /// <summary>Key: <c>pvt_md5_auth</c> (md5 of <c>username:password</c>) of a live, enabled user.</summary>
    public static readonly ViewDefinition ByMd5Credentials = Credentials("creds_by_md5", "pvt_md5_auth");

    /// <summary><c>users/creds_by_sha</c>: the same for <c>pvt_sha1_auth</c> (<c>method: "sha"</c>).</summary>
    public static readonly ViewDefinition ByShaCredentials = Credentials("creds_by_sha", "pvt_sha1_auth");

    // Kazoo's map tests the hash, the type, the deletion and enabled by JavaScript truthiness; a hash that is not a
    // string is left out as well, since every key this service looks up is a string
    private static ViewDefinition Credentials(string name, string hashField) => new(
        "users",
        name,
        $$"""
        function(doc) {
          if (typeof doc.{{hashField}} !== 'string' || !doc.{{hashField}} || doc.pvt_type !== 'user' || doc.pvt_deleted || !doc.enabled) { return; }
          emit(doc.{{hashField}}, { owner_id: doc._id, account_id: doc.pvt_account_id });
        }
        """,
        doc => MapCredentials(doc, hashField));

    private static IEnumerable<KeyValuePair<string, JsonNode?>> MapCredentials(JsonObject doc, string hashField)
    {
        if (KazooJson.GetString(doc, hashField) is not { Length: > 0 } hash
            || KazooJson.GetString(doc, KazooFields.Type) != "user"
            || !ViewMaps.IsFalsy(doc[KazooFields.Deleted])
            || ViewMaps.IsFalsy(doc["enabled"]))
        {
            yield break;
        }
        var value = new JsonObject { ["owner_id"] = doc[KazooFields.Id]?.DeepClone() };
        ViewMaps.CopyIfPresent(doc, KazooFields.AccountId, value, "account_id");
        yield return new(hash, value);
    }
}
