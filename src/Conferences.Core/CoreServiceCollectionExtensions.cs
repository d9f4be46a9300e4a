namespace Conferences.Core;

/// <summary>Registers the Kazoo domain: conference service, accounts, tokens, schema validation.</summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddConferencesCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => KazooSchemaValidator.LoadEmbedded());
        services.AddSingletons(
            typeof(ConferenceStore),
            typeof(ConferenceLister),
            typeof(NumberUniqueness),
            typeof(ConferenceService),
            typeof(ConferenceLookup),
            typeof(ConferenceReadCache),
            typeof(ConferenceReads),
            typeof(ConferenceParticipants));
        services.AddLiveConferences();
        services.AddSingletons(typeof(SigningKeyHolder), typeof(TokenService));
        services.AddTokenValidation();
        services.AddSingletons(typeof(AccountService), typeof(UserAuthService), typeof(AccountBootstrapper));
        services.AddIdempotencyKeys();
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        return services;
    }
}
