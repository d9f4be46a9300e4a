using Conferences.Core.Idempotency;

namespace Conferences.Core;

/// <summary>Registers the Kazoo domain: conference service, accounts, tokens, schema validation.</summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddConferencesCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => KazooSchemaValidator.LoadEmbedded());
        services.AddSingleton<ConferenceStore>();
        services.AddSingleton<ConferenceLister>();
        services.AddSingleton<NumberUniqueness>();
        services.AddSingleton<ConferenceService>();
        services.AddSingleton<ConferenceLookup>();
        services.AddSingleton<ConferenceReadCache>();
        services.AddSingleton<ConferenceReads>();
        services.AddSingleton<ConferenceParticipants>();
        services.AddLiveConferences();
        services.AddSingleton<SigningKeyHolder>();
        services.AddSingleton<TokenService>();
        services.AddTokenValidation();
        services.AddSingleton<AccountService>();
        services.AddSingleton<UserAuthService>();
        services.AddSingleton<AccountBootstrapper>();
        services.AddIdempotencyKeys();
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        return services;
    }
}
