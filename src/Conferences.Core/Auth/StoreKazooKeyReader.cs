namespace Conferences.Core.Auth;

/// <summary><c>system_auth/{kid}</c>'s <c>private_key.pem</c> (<c>kz_auth_keys:get_private_key_from_doc/1</c>), read
/// only.</summary>
public sealed class StoreKazooKeyReader(IDocumentStore store, KazooSystemConfig config, ILogger<StoreKazooKeyReader> logger) : IKazooKeyReader
{
    public const string Database = "system_auth";
    public const string Attachment = "private_key.pem";
    public const string KeyType = "system_key";

    public async Task<KazooPublicKey?> ReadAsync(string kid, CancellationToken cancellationToken)
    {
        var doc = await store.GetAsync(Database, kid, cancellationToken).ConfigureAwait(false);
        if (doc is null || !KazooFields.IsLive(doc, KeyType))
        {
            return null;
        }
        var pem = await store.GetAttachmentAsync(Database, kid, Attachment, cancellationToken).ConfigureAwait(false);
        var key = pem is null ? null : KazooPublicKey.FromPem(kid, KazooJson.GetString(doc, KazooFields.Rev), Encoding.UTF8.GetString(pem));
        if (key is null)
        {
            logger.LogWarning("{Database}/{Kid} has no usable {Attachment}: Kazoo tokens signed with it are refused", Database, kid, Attachment);
        }
        return key;
    }

    public Task<string?> CurrentKidAsync(CancellationToken cancellationToken) => config.ValueAsync(KazooSystemConfig.SystemKey, cancellationToken);
}
