namespace Conferences.Core.Auth;

/// <summary>The <c>KazooAuth</c> section: accepting tokens issued by a Kazoo cluster (docs/kazoo-cluster.md).</summary>
public sealed class KazooAuthOptions
{
    public const string Section = "KazooAuth";

    /// <summary>Accept Kazoo-issued tokens. Unset: on when the store is CouchDB (shared with Kazoo), off otherwise.</summary>
    public bool? Enabled { get; set; }

    /// <summary><see cref="KazooKeySource.Store"/> reads <c>system_auth/{kid}</c> as Kazoo keeps it; <see cref="KazooKeySource.Configured"/> uses <see cref="Keys"/>.</summary>
    public KazooKeySource KeySource { get; set; } = KazooKeySource.Store;

    /// <summary>Configured keys by kid: a PEM value or a PEM file (Kazoo's private <c>private_key.pem</c> or its public half).</summary>
    public Dictionary<string, KazooConfiguredKey> Keys { get; set; } = [];

    /// <summary>Kazoo's <c>secret_for_user_signature</c>; unset: read from <c>system_config/auth</c>.</summary>
    public string? SystemSecret { get; set; }

    /// <summary>The Kazoo node whose <c>system_config/auth</c> values override <c>default</c> (Kazoo's <c>kapps_config</c> node level).</summary>
    public string? ConfigNode { get; set; }

    /// <summary>Check <c>identity_sig</c> as Kazoo does (revocation). Off only when the identity documents are not readable.</summary>
    public bool VerifyIdentitySignature { get; set; } = true;

    /// <summary>How long the system and identity secrets (and a verified token) are trusted: the revocation latency.</summary>
    public TimeSpan SecretLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a public key is kept before it is read again (a failing signature re-reads it sooner).</summary>
    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long an unknown kid is remembered as unknown, so garbage tokens cannot hammer the store.</summary>
    public TimeSpan UnknownKeyLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The shortest time between two re-reads of one key after failing signatures.</summary>
    public TimeSpan KeyRereadInterval { get; set; } = TimeSpan.FromSeconds(1);
}

public enum KazooKeySource
{
    Store,
    Configured,
}

public sealed class KazooConfiguredKey
{
    public string? Pem { get; set; }

    public string? PemFile { get; set; }
}
