namespace Conferences.Core.Actions;

/// <summary>Registered after the messaging ports and the live state, which the actions need.</summary>
public static class ActionsServiceCollectionExtensions
{
    public static IServiceCollection AddConferenceActions(this IServiceCollection services)
    {
        services.AddOptions<DialOptions>()
            .BindConfiguration(DialOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Zone) && !o.Zone.Contains('.', StringComparison.Ordinal), "Dial:Zone must be one routing-key word (default local)")
            .Validate(o => o.MaxWait > TimeSpan.Zero, "Dial:MaxWait must be positive")
            .ValidateOnStart();
        services.AddSingleton<DialDocuments>();
        services.AddSingleton<DialService>();
        services.AddSingleton<ConferenceCommands>();
        services.AddSingleton<RecordingNames>();
        services.AddSingleton<ConferenceControl>();
        services.AddSingleton<ConferenceActions>();
        services.AddSingleton<ParticipantRelation>();
        services.AddSingleton<ParticipantActions>();
        return services;
    }
}
