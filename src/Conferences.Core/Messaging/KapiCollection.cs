namespace Conferences.Core.Messaging;

/// <summary><paramref name="TimedOut"/> is Kazoo's <c>{timeout, Resps}</c>, which crossbar uses as is.</summary>
public sealed record KapiCollection(IReadOnlyList<JsonObject> Replies, bool TimedOut)
{
    public static readonly KapiCollection Empty = new([], TimedOut: false);
}
