namespace Conferences.Core.Accounts;

/// <summary>The <c>data</c> of a successful login (crossbar's <c>response_auth</c>), as far as this service knows
/// it.</summary>
public static class AuthResponse
{
    public const string DefaultLanguage = "en-us";

    public static JsonObject Create(JsonObject account, JsonObject? user = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        var accountId = KazooJson.GetString(account, KazooFields.Id)!;
        var tree = AccountDocument.Tree(account);
        var data = new JsonObject { ["account_id"] = accountId };
        if (user is not null && KazooJson.GetString(user, KazooFields.Id) is { } ownerId)
        {
            data["owner_id"] = ownerId;
        }
        data["account_name"] = KazooJson.GetString(account, "name");
        data["reseller_id"] = tree.Count > 0 ? tree[0] : accountId;
        data["is_reseller"] = tree.Count == 0;
        data["language"] = (user is null ? null : NonEmpty(user, "language")) ?? NonEmpty(account, "language") ?? DefaultLanguage;
        data["apps"] = new JsonArray();
        return data;
    }

    private static string? NonEmpty(JsonObject doc, string key) => KazooJson.GetString(doc, key) is { Length: > 0 } value ? value : null;
}
