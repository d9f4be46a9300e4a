namespace Conferences.Core.Accounts;

/// <summary>Kazoo's account document: <c>pvt_tree</c> lists the ancestors from the top, <c>pvt_api_key</c> the API
/// key.</summary>
public static class AccountDocument
{
    public const string Type = "account";

    public static JsonObject Create(string id, string name, string realm, IReadOnlyList<string> tree, string apiKey, bool superDuperAdmin, long nowGregorian)
    {
        var doc = new JsonObject
        {
            [KazooFields.Id] = id,
            ["name"] = name,
            ["realm"] = realm,
            ["enabled"] = true,
            [KazooFields.Type] = Type,
            [KazooFields.Vsn] = "1",
            [KazooFields.AccountId] = id,
            [KazooFields.AccountDb] = AccountDatabase.Encoded(id),
            [KazooFields.Tree] = new JsonArray([.. tree.Select(a => (JsonNode?)JsonValue.Create(a))]),
            [KazooFields.ApiKey] = apiKey,
            [KazooFields.Enabled] = true,
            [KazooFields.Created] = nowGregorian,
            [KazooFields.Modified] = nowGregorian,
        };
        if (superDuperAdmin)
        {
            doc["pvt_superduper_admin"] = true;
        }
        if (tree.Count > 0)
        {
            doc["pvt_reseller_id"] = tree[0];
        }
        return doc;
    }

    public static IReadOnlyList<string> Tree(JsonObject account) =>
        account[KazooFields.Tree] is JsonArray tree ? [.. tree.OfType<JsonValue>().Select(v => v.GetValue<string>())] : [];

    public static bool IsSuperDuperAdmin(JsonObject account) => KazooJson.GetBool(account, "pvt_superduper_admin");

    /// <summary><c>kzd_accounts:is_enabled/1</c>: only <c>pvt_enabled</c> counts; the public <c>enabled</c> does
    /// not.</summary>
    public static bool IsEnabled(JsonObject account) => account[KazooFields.Enabled] switch
    {
        null => true,
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Null => true,
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.True => true,
        JsonValue value when value.TryGetValue<string>(out var text) => text == "true",
        _ => false,
    };

    /// <summary>Gregorian seconds of <c>pvt_trial_expires</c> (<c>kzd_accounts:is_expired/1</c>); null without a trial
    /// end.</summary>
    public static long? TrialExpiration(JsonObject account) => KazooJson.GetLong(account, "pvt_trial_expires");

    public static string NewApiKey() => KazooIds.RandomHex(32);
}
