namespace Conferences.Core.Tests.Kapi;

/// <summary>AMQP topic semantics for the in-process bus: <c>*</c> one word, <c>#</c> zero or more.</summary>
public sealed class KapiTopicMatchingTests
{
    [Theory]
    [InlineData("conference.event.*.acct.conf.*", "conference.event.add-member.acct.conf.a1b2c3")]
    [InlineData("conference.event.*.acct.conf.*", "conference.event.conference-create.acct.conf.conf")]
    [InlineData("conference.event.*.acct.conf.*", "conference.event.mute-member.acct.conf.a%2Eb+c")]
    [InlineData("conference.event.#", "conference.event.add-member.acct.conf.call")]
    [InlineData("conference.event.#", "conference.event")]
    [InlineData("#", "conference.discovery")]
    [InlineData("#", "")]
    [InlineData("", "")]
    [InlineData("conference.#.call", "conference.event.lock.acct.conf.call")]
    [InlineData("conference.#.#.call", "conference.call")]
    [InlineData("conference.command.conf", "conference.command.conf")]
    [InlineData("conference.command.*", "conference.command.local")]
    [InlineData("*.*.*", "a..c")]
    public void Pattern_matches(string pattern, string routingKey)
    {
        Assert.True(KapiRoutingKeys.TopicMatches(pattern, routingKey));
    }

    [Theory]
    [InlineData("conference.event.*.acct.conf.*", "conference.event.add-member.other.conf.a1b2c3")]
    [InlineData("conference.event.*.acct.conf.*", "conference.event.add-member.acct.conf")]
    [InlineData("conference.event.*.acct.conf.*", "conference.event.add-member.acct.conf.a.b")]
    [InlineData("conference.event.*.acct.conf.*", "conference.event.conf.a1b2c3")]
    [InlineData("conference.command.conf", "conference.command.conf2")]
    [InlineData("conference.command.*", "conference.command")]
    [InlineData("conference.command.*", "conference.discovery")]
    [InlineData("conference.#.call", "conference.event.lock.acct.conf.other")]
    [InlineData("conference.*", "conference.command.conf")]
    [InlineData("*", "")] // RabbitMQ: the empty key has no word for * to take
    [InlineData("#.*", "")]
    [InlineData("*.#", "")]
    public void Pattern_does_not_match(string pattern, string routingKey)
    {
        Assert.False(KapiRoutingKeys.TopicMatches(pattern, routingKey));
    }

    [Fact]
    public void Encoded_call_ids_keep_events_one_word_per_slot()
    {
        var key = KapiRoutingKeys.Event("add-member", "acct", "conf", "call.with.dots");

        Assert.True(KapiRoutingKeys.TopicMatches(KapiRoutingKeys.Event("*", "acct", "conf", "call.with.dots"), key));
        Assert.True(KapiRoutingKeys.TopicMatches("conference.event.*.acct.conf.*", key));
    }
}
