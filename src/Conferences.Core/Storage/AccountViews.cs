namespace Conferences.Core.Storage;

/// <summary><c>_design/accounts</c>, which <c>cb_api_auth</c> and <c>cb_user_auth</c> resolve accounts with.</summary>
public static class AccountViews
{
    private const string AccountType = "account";

    /// <summary><c>accounts/listing_by_api_key</c>: key = <c>pvt_api_key</c>.</summary>
    public static readonly ViewDefinition ByApiKey = new(
        "accounts",
        "listing_by_api_key",
        """
        function(doc) {
          if (doc.pvt_type !== 'account' || doc.pvt_deleted || typeof doc.pvt_api_key !== 'string') { return; }
          emit(doc.pvt_api_key, null);
        }
        """,
        doc => KazooFields.IsLive(doc, AccountType) && KazooJson.GetString(doc, KazooFields.ApiKey) is { } key ? [new(key, null)] : []);

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

    // JSON.stringify leaves out undefined members, so an account without pvt_account_db emits {account_id} only
    private static JsonObject RowValue(JsonObject doc)
    {
        var value = new JsonObject();
        ViewMaps.CopyIfPresent(doc, KazooFields.AccountId, value, "account_id");
        ViewMaps.CopyIfPresent(doc, KazooFields.AccountDb, value, "account_db");
        return value;
    }
}
