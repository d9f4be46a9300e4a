namespace Conferences.Core.Auth;

/// <summary>Read as <c>kapps_config:get_ne_binary/2</c> does: the node's section, then <c>default</c>.</summary>
public sealed class KazooSystemConfig(IDocumentStore store, IOptions<KazooAuthOptions> options)
{
    public const string DocumentId = "auth";

    /// <summary>The id of the key Kazoo signs new tokens with (<c>kazoo_auth.hrl</c> <c>SYSTEM_KEY_ID</c>).</summary>
    public const string SystemKey = "system_key";

    /// <summary>The system half of every identity signature's key (<c>kz_auth_identity</c>).</summary>
    public const string SignatureSecret = "secret_for_user_signature";

    public async Task<string?> ValueAsync(string key, CancellationToken cancellationToken)
    {
        var doc = await store.GetAsync(AccountDatabase.SystemConfig, DocumentId, cancellationToken).ConfigureAwait(false);
        if (doc is null || KazooFields.IsSoftDeleted(doc))
        {
            return null;
        }
        return (options.Value.ConfigNode is { Length: > 0 } node ? NonEmpty(doc[node], key) : null) ?? NonEmpty(doc["default"], key);
    }

    private static string? NonEmpty(JsonNode? section, string key) =>
        section is JsonObject values && KazooJson.GetString(values, key) is { Length: > 0 } value ? value : null;
}
