namespace Conferences.Core.Auth;

/// <summary>Whether Kazoo-issued tokens can be verified now, for <c>/health</c> (own tokens work either way).</summary>
public sealed class KazooAuthStatus(IKazooKeyReader keys, KazooSecrets secrets, IOptions<KazooAuthOptions> options)
{
    /// <returns>null when Kazoo tokens can be verified (or are not accepted), else the reason they cannot.</returns>
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled != true)
        {
            return null;
        }
        if (await keys.CurrentKidAsync(cancellationToken).ConfigureAwait(false) is not { } kid)
        {
            return options.Value.KeySource == KazooKeySource.Store
                ? "system_config/auth names no system_key: Kazoo tokens are refused until Kazoo's kazoo_auth has run against this store"
                : "KazooAuth:Keys is empty: Kazoo tokens are refused";
        }
        if (!JwtRules.IsPlainId(kid) || await keys.ReadAsync(kid, cancellationToken).ConfigureAwait(false) is null)
        {
            return $"no usable signing key {kid} (system_auth/{kid} with private_key.pem): Kazoo tokens are refused";
        }
        if (options.Value.VerifyIdentitySignature && (await secrets.SystemAsync(cancellationToken).ConfigureAwait(false)).Value is null)
        {
            return "system_config/auth has no secret_for_user_signature: Kazoo tokens with an identity signature are refused";
        }
        return null;
    }

    public string Describe() => options.Value.Enabled == true ? $"Kazoo tokens accepted (keys from {options.Value.KeySource})" : "Kazoo tokens not accepted";
}
