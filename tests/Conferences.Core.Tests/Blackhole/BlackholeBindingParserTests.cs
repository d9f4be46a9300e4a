namespace Conferences.Core.Tests.Blackhole;

/// <summary>Client bindings of <c>bh_conference.erl</c> and D12 (docs/websocket.md, docs/compatibility.md D12).</summary>
public sealed class BlackholeBindingParserTests
{
    private const string Account = "4b31dd0000000000000000000000abcd";

    [Theory]
    [InlineData("conference.event.conf1.*", "conference.event.*." + Account + ".conf1.*")]
    [InlineData("conference.event.conf1.call-9", "conference.event.*." + Account + ".conf1.call-9")]
    [InlineData("conference.event.conf1.a@b", "conference.event.*." + Account + ".conf1.a%40b")]
    [InlineData("conference.event.conf1.#", "conference.event.*." + Account + ".conf1.#")]
    [InlineData("conference.event.*.conf1.*", "conference.event.*." + Account + ".conf1.*")]
    [InlineData("conference.command.conf1", "conference.command.conf1")]
    public void Conference_bindings_map_to_Kazoos_amqp_bindings(string client, string amqp)
    {
        var parsed = BlackholeBindingParser.Parse(client, Account);

        Assert.Equal(new BlackholeBinding(client, amqp), parsed.Binding);
        Assert.Null(parsed.Error);
        Assert.False(parsed.IsUnknownFamily);
    }

    [Theory]
    [InlineData("conference.event.*.*")]
    [InlineData("conference.event.*.call-9")]
    [InlineData("conference.event.#.*")]
    [InlineData("conference.command.*")]
    [InlineData("conference.command.#")]
    [InlineData("conference.event.*.*.*")]
    public void A_wildcard_conference_is_refused(string client)
    {
        Assert.Equal("ConferenceId required", BlackholeBindingParser.Parse(client, Account).Error);
    }

    [Theory]
    [InlineData("conference.event.conf1", "event, conf1")]
    [InlineData("conference.event.add-member.conf1.*", "event, add-member, conf1, *")]
    [InlineData("conference.event.*.conf1.call-9", "event, *, conf1, call-9")]
    [InlineData("conference.event.*.acct.conf1.*", "event, *, acct, conf1, *")]
    [InlineData("conference.command.conf1.extra", "command, conf1, extra")]
    [InlineData("conference.discovery", "discovery")]
    [InlineData("conference", "")]
    [InlineData("conference.event..*", "event, , *")]
    public void Other_conference_shapes_are_invalid(string client, string keys)
    {
        Assert.Equal($"invalid format for conference subscription : {keys}", BlackholeBindingParser.Parse(client, Account).Error);
    }

    [Theory]
    [InlineData("call.CHANNEL_CREATE.*")]
    [InlineData("object.doc_created.user")]
    [InlineData("")]
    [InlineData("conferences.event.conf1.*")]
    public void Other_families_have_no_module(string client)
    {
        var parsed = BlackholeBindingParser.Parse(client, Account);

        Assert.True(parsed.IsUnknownFamily);
        Assert.Null(parsed.Error);
        Assert.Null(parsed.Binding);
    }

    [Fact]
    public void The_wildcard_account_of_a_super_duper_admin_goes_into_the_amqp_binding()
    {
        Assert.Equal("conference.event.*.*.conf1.*", BlackholeBindingParser.Parse("conference.event.conf1.*", "*").Binding!.AmqpBinding);
    }
}
