namespace Conferences.Core.Auth;

/// <summary>Registers the token check of both kinds of token and, for Kazoo's, where keys and secrets are read.</summary>
public static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddTokenValidation(this IServiceCollection services)
    {
        services.AddOptions<KazooAuthOptions>()
            .BindConfiguration(KazooAuthOptions.Section)
            .Validate(o => o.SecretLifetime >= TimeSpan.Zero && o.SecretLifetime <= TimeSpan.FromMinutes(15), "KazooAuth:SecretLifetime must be between 0 and 15 minutes")
            .Validate(o => o.KeyLifetime > TimeSpan.Zero, "KazooAuth:KeyLifetime must be positive")
            .Validate(o => o.KeySource != KazooKeySource.Configured || o.Enabled != true || TryLoad(o) is null, "KazooAuth:Keys: every configured key needs a readable RSA PEM")
            .ValidateOnStart();
        services.AddSingletons(typeof(KazooSystemConfig), typeof(KazooSecrets));
        services.AddSingleton<IKazooKeyReader>(provider => provider.GetRequiredService<IOptions<KazooAuthOptions>>().Value.KeySource == KazooKeySource.Configured
            ? ActivatorUtilities.CreateInstance<ConfiguredKazooKeyReader>(provider)
            : ActivatorUtilities.CreateInstance<StoreKazooKeyReader>(provider));
        return services.AddSingletons(
            typeof(KazooKeyRing),
            typeof(KazooTokenVerifier),
            typeof(KazooAuthStatus),
            typeof(TokenValidator),
            typeof(TokenInfoService));
    }

    private static Exception? TryLoad(KazooAuthOptions options)
    {
        try
        {
            ConfiguredKazooKeyReader.Load(options);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return e;
        }
    }
}
