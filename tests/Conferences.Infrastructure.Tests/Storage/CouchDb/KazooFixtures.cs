namespace Conferences.Infrastructure.Tests.Storage.CouchDb;

/// <summary>
/// Documents shaped as a Kazoo cluster stores them (docs/kazoo-storage.md; crossbar's <c>update_pvt_parameters</c>,
/// <c>cb_accounts</c>' private properties, the design documents under <c>core/kazoo_apps/priv/couchdb</c>), for
/// writing raw into CouchDB. The design documents are Kazoo's views restated, carrying Kazoo's <c>kazoo</c> member
/// and none of this service's marker.
/// </summary>
internal static class KazooFixtures
{
    public const long Created = 63_871_234_567;

    public const long Modified = 63_871_299_999;

    /// <summary>A conference created through Kazoo's crossbar by an authenticated user, with schema defaults applied.</summary>
    public static JsonObject Conference(string accountId, string id, string name, string[] conferenceNumbers, string[] memberNumbers, string[] moderatorNumbers) => new()
    {
        ["_id"] = id,
        ["name"] = name,
        ["conference_numbers"] = Strings(conferenceNumbers),
        ["member"] = new JsonObject
        {
            ["join_deaf"] = false,
            ["join_muted"] = true,
            ["numbers"] = Strings(memberNumbers),
            ["pins"] = Strings(["1234", "5678"]),
        },
        ["moderator"] = new JsonObject
        {
            ["join_deaf"] = false,
            ["join_muted"] = false,
            ["numbers"] = Strings(moderatorNumbers),
            ["pins"] = Strings(["9999"]),
        },
        ["play_name"] = false,
        ["owner_id"] = KazooIds.NewId(),
        ["profile"] = new JsonObject { ["max-members"] = 25 },
        ["ui_metadata"] = new JsonObject { ["origin"] = "conferences", ["ui"] = "monster-ui", ["version"] = "4.3-85" },
        ["pvt_type"] = "conference",
        ["pvt_vsn"] = "1",
        ["pvt_account_id"] = accountId,
        ["pvt_account_db"] = AccountDatabase.Encoded(accountId),
        ["pvt_created"] = Created,
        ["pvt_modified"] = Modified,
        ["pvt_request_id"] = KazooIds.NewId(),
        ["pvt_is_authenticated"] = true,
        ["pvt_auth_account_id"] = accountId,
        ["pvt_auth_user_id"] = KazooIds.NewId(),
        ["pvt_alphanum_name"] = new string([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]),
    };

    /// <summary>A sub-account as <c>cb_accounts</c> creates it: tree from the top, a 64-hex API key, enabled.</summary>
    public static JsonObject Account(string id, string name, IReadOnlyList<string> tree, string apiKey) => new()
    {
        ["_id"] = id,
        ["name"] = name,
        ["realm"] = $"{id[..8]}.sip.example.net",
        ["timezone"] = "America/Los_Angeles",
        ["language"] = "en-us",
        ["caller_id"] = new JsonObject { ["external"] = new JsonObject { ["number"] = "+14155550100" } },
        ["pvt_type"] = "account",
        ["pvt_vsn"] = "1",
        ["pvt_account_id"] = id,
        ["pvt_account_db"] = AccountDatabase.Encoded(id),
        ["pvt_tree"] = Strings(tree),
        ["pvt_api_key"] = apiKey,
        ["pvt_enabled"] = true,
        ["pvt_reseller_id"] = tree.Count > 0 ? tree[0] : id,
        ["pvt_created"] = Created,
        ["pvt_modified"] = Modified,
        ["pvt_request_id"] = KazooIds.NewId(),
        ["pvt_is_authenticated"] = true,
        ["pvt_auth_account_id"] = tree.Count > 0 ? tree[^1] : id,
        ["pvt_auth_user_id"] = KazooIds.NewId(),
    };

    /// <summary>Kazoo's <c>_design/conferences</c>: the list item keyed by id, and names.</summary>
    public static JsonObject ConferencesDesign() => Design("conferences", "account", new JsonObject
    {
        ["crossbar_listing"] = Map("""
            function(doc) {
              if (doc.pvt_type != 'conference' || doc.pvt_deleted) return;
              emit(doc._id, {id: doc._id, name: doc.name, owner_id: doc.owner_id, member: doc.member, moderator: doc.moderator,
                             ui_flags: doc.ui_flags, conference_numbers: doc.conference_numbers, flags: doc.flags || []});
            }
            """),
        ["listing_by_name"] = Map("""
            function(doc) {
              if (doc.pvt_type != 'conference' || doc.pvt_deleted) return;
              emit(doc.name, null);
            }
            """),
    });

    /// <summary>Kazoo's <c>_design/conference</c>: one row per moderator, member and conference number.</summary>
    public static JsonObject ConferenceDesign() => Design("conference", "account", new JsonObject
    {
        ["listing_by_number"] = Map("""
            function(doc) {
              if (doc.pvt_type != 'conference' || doc.pvt_deleted) return;
              var each = function(list) { if (list) list.forEach(function(number) { emit(number, null); }); };
              if (typeof doc.moderator == 'object') each(doc.moderator.numbers);
              if (typeof doc.member == 'object') each(doc.member.numbers);
              each(doc.conference_numbers);
            }
            """),
    });

    /// <summary>
    /// Kazoo's <c>_design/accounts</c> in the <c>accounts</c> database, with two of its views: the API key index
    /// Kazoo calls <c>listing_by_api</c>, and its <c>listing_by_name</c>, keyed by the lower-cased alphanumeric name.
    /// </summary>
    public static JsonObject AccountsDesign() => new()
    {
        ["_id"] = "_design/accounts",
        ["kazoo"] = new JsonObject { ["view_map"] = new JsonArray(new JsonObject { ["database"] = "accounts" }) },
        ["language"] = "javascript",
        ["views"] = new JsonObject
        {
            ["listing_by_api"] = Map("""
                function(doc) {
                  if (doc.pvt_type != 'account' || doc.pvt_deleted) return;
                  emit(doc.pvt_api_key, {account_id: doc.pvt_account_id});
                }
                """),
            ["listing_by_name"] = Map("""
                function(doc) {
                  if (doc.pvt_type != 'account' || doc.pvt_deleted) return;
                  emit(doc.name.toLowerCase().replace(/[^a-z0-9]/g, ''), {account_id: doc.pvt_account_id, account_db: doc.pvt_account_db});
                }
                """),
        },
    };

    private static JsonObject Design(string name, string classification, JsonObject views) => new()
    {
        ["_id"] = $"_design/{name}",
        ["kazoo"] = new JsonObject { ["view_map"] = new JsonArray(new JsonObject { ["classification"] = classification }) },
        ["language"] = "javascript",
        ["views"] = views,
    };

    private static JsonObject Map(string javascript) => new() { ["map"] = javascript };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
