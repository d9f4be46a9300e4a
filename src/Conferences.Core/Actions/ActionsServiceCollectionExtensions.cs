using Conferences.Core.Actions.Applied;

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
        services.AddOptions<AppliedWaitOptions>()
            .BindConfiguration(AppliedWaitOptions.Section)
            .Validate(o => o.AppliedTimeout > TimeSpan.Zero, "Actions:AppliedTimeout must be positive")
            .ValidateOnStart();
        return services.AddSingletons(
            typeof(AppliedWaiter),
            typeof(AppliedConfirmation),
            typeof(DialDocuments),
            typeof(DialService),
            typeof(ConferenceCommands),
            typeof(RecordingNames),
            typeof(ConferenceControl),
            typeof(ConferenceActions),
            typeof(ParticipantRelation),
            typeof(BulkParticipantActions),
            typeof(ParticipantActions));
    }
}
