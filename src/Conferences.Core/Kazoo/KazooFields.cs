namespace Conferences.Core.Kazoo;

/// <summary>The document members CouchDB and Kazoo's data layer give meaning to, named once (docs/kazoo-storage.md).</summary>
public static class KazooFields
{
    public const string Id = "_id";
    public const string Rev = "_rev";
    public const string Type = "pvt_type";
    public const string Deleted = "pvt_deleted";
    public const string Vsn = "pvt_vsn";
    public const string AccountId = "pvt_account_id";
    public const string AccountDb = "pvt_account_db";
    public const string Created = "pvt_created";
    public const string Modified = "pvt_modified";
    public const string Tree = "pvt_tree";
    public const string ApiKey = "pvt_api_key";
    public const string Enabled = "pvt_enabled";

    /// <summary>The test every Kazoo listing view makes: the document has this <c>pvt_type</c> and is not soft-deleted.</summary>
    public static bool IsLive(JsonObject doc, string type) =>
        KazooJson.GetString(doc, Type) == type && !KazooJson.GetBool(doc, Deleted);

    /// <summary>Kazoo soft-deletes with <c>pvt_deleted: true</c>; readers treat such a document as absent.</summary>
    public static bool IsSoftDeleted(JsonObject doc) => KazooJson.GetBool(doc, Deleted);
}
