namespace Conferences.Core.Blackhole;

/// <summary>Which of a conference's events one AMQP event binding (<c>conference.event.*.{account}.{conf}.{call}</c>)
/// receives, matched in process because the hub holds one queue per conference (ADR 0016).</summary>
internal sealed class ConferenceEventFilter
{
    private const string Wildcard = "*";
    private readonly string amqpBinding;
    private readonly string? account;
    private readonly string? call;

    private ConferenceEventFilter(string amqpBinding, string conferenceId, string? account, string? call)
    {
        this.amqpBinding = amqpBinding;
        ConferenceId = conferenceId;
        this.account = account;
        this.call = call;
    }

    public string ConferenceId { get; }

    /// <summary>The queue binding of every event of the conference, whatever the account.</summary>
    public string StreamKey => StreamKeyOf(ConferenceId);

    public static string StreamKeyOf(string conferenceId) => $"conference.event.*.*.{conferenceId}.*";

    /// <returns>null for a binding that is not one conference's events (a command binding).</returns>
    public static ConferenceEventFilter? For(string amqpBinding)
    {
        var words = amqpBinding.Split('.');
        if (words is not ["conference", "event", Wildcard, var account, var conference, var call] || conference is Wildcard or "#" or "")
        {
            return null;
        }
        return new ConferenceEventFilter(amqpBinding, conference, account == Wildcard ? null : account, call == Wildcard ? null : call);
    }

    /// <summary>Splits a delivery's routing key once, for every member's <see cref="Matches"/>.</summary>
    public static (string? Account, string? Call) WordsOf(string routingKey) =>
        routingKey.Split('.') is ["conference", "event", _, var account, _, var call] ? (account, call) : (null, null);

    public bool Matches(BlackholeEvent evt)
    {
        if (evt.AccountWord is null)
        {
            return KapiRoutingKeys.TopicMatches(amqpBinding, evt.RoutingKey);
        }
        return (account is null || account == evt.AccountWord) && (call is null || call == evt.CallWord);
    }
}
