namespace Conferences.Core.Messaging;

/// <summary>
/// The replies a collect gathered, in arrival order. <paramref name="TimedOut"/>: the stop condition was not met
/// in time and these are the replies that arrived (Kazoo's <c>{timeout, Resps}</c>, which crossbar uses as is).
/// </summary>
public sealed record KapiCollection(IReadOnlyList<JsonObject> Replies, bool TimedOut)
{
    public static readonly KapiCollection Empty = new([], TimedOut: false);
}
