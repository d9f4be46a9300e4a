namespace Conferences.Core.Storage;

/// <summary><c>_design/accounts</c>, which <c>cb_api_auth</c> and <c>cb_user_auth</c> resolve accounts with.</summary>
public static class AccountViews
{
    private const string AccountType = "account";

    /// <summary><c>accounts/listing_by_api_key</c>: key = <c>pvt_api_key</c>.</summary>
    public static readonly ViewDefinition ByApiKey = ViewShapes.ByString("accounts", "listing_by_api_key", AccountType, KazooFields.ApiKey);

    /// <summary>Key: the name reduced by <c>kzd_accounts:normalize_name/1</c>; value <c>{account_id,
    /// account_db}</c>.</summary>
    public static readonly ViewDefinition ByName = new(
        "accounts",
        "listing_by_name",
        """
        function(doc) {
          if (doc.pvt_type !== 'account' || doc.pvt_deleted || typeof doc.name !== 'string') { return; }
          emit(doc.name.toLowerCase().replace(/[^a-z0-9]/g, ''), { account_id: doc.pvt_account_id, account_db: doc.pvt_account_db });
        }
        """,
        doc => KazooFields.IsLive(doc, AccountType) && KazooJson.GetString(doc, "name") is { } name
            ? [new(PrivateFields.AlphanumName(name), RowValue(doc))]
            : []);

    /// <summary><c>accounts/listing_by_realm</c>: key = the realm lower-cased, value = <c>{account_id, account_db}</c>.</summary>
    public static readonly ViewDefinition ByRealm = new(
        "accounts",
        "listing_by_realm",
        """
        function(doc) {
          if (doc.pvt_type !== 'account' || doc.pvt_deleted || typeof doc.realm !== 'string') { return; }
          emit(doc.realm.toLowerCase(), { account_id: doc.pvt_account_id, account_db: doc.pvt_account_db });
        }
        """,
        doc => KazooFields.IsLive(doc, AccountType) && KazooJson.GetString(doc, "realm") is { } realm
            ? [new(realm.ToLowerInvariant(), RowValue(doc))]
            : []);

    /// <summary>Key: the parent (last of <c>pvt_tree</c>); value as Kazoo's <c>accounts/listing_by_children</c> row, whose
    /// <c>[parent, name]</c> key the store port's string keys cannot express.</summary>
    public static readonly ViewDefinition ByParent = new(
        "accounts",
        "listing_by_parent_id",
        """
        function(doc) {
          if (doc.pvt_type !== 'account' || doc.pvt_deleted || !Array.isArray(doc.pvt_tree) || doc.pvt_tree.length === 0) { return; }
          var parent = doc.pvt_tree[doc.pvt_tree.length - 1];
          if (typeof parent !== 'string') { return; }
          emit(parent, { id: doc.pvt_account_id, name: doc.name, realm: doc.realm, descendants_count: doc.descendants_count || 0, flags: doc.flags || [] });
        }
        """,
        doc => KazooFields.IsLive(doc, AccountType) && AccountDocument.Tree(doc) is [.., var parent] ? [new(parent, ChildValue(doc))] : []);

    // JSON.stringify leaves out undefined members, so an account without pvt_account_db emits {account_id} only
    private static JsonObject RowValue(JsonObject doc)
    {
        var value = new JsonObject();
        ViewMaps.CopyIfPresent(doc, KazooFields.AccountId, value, "account_id");
        ViewMaps.CopyIfPresent(doc, KazooFields.AccountDb, value, "account_db");
        return value;
    }

    // JSON.stringify leaves out undefined members: an account without a name or realm emits no such key
    private static JsonObject ChildValue(JsonObject doc)
    {
        var value = new JsonObject();
        ViewMaps.CopyIfPresent(doc, KazooFields.AccountId, value, "id");
        ViewMaps.CopyIfPresent(doc, "name", value, "name");
        ViewMaps.CopyIfPresent(doc, "realm", value, "realm");
        value["descendants_count"] = doc["descendants_count"] is JsonValue count && count.TryGetValue<long>(out var n) && n != 0 ? n : 0;
        value["flags"] = doc["flags"] is JsonArray flags && flags.Count > 0 ? flags.DeepClone() : new JsonArray();
        return value;
    }
}
