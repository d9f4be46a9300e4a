namespace Conferences.Core.Tests.Blackhole;

/// <summary>Client frames as <c>bh_context:from_json/2</c> reads them.</summary>
public sealed class BlackholeFrameTests
{
    [Fact]
    public void Every_field_is_read()
    {
        var frame = Parse("""{"action":"subscribe","auth_token":"t","request_id":"r-1","data":{"account_id":"a"},"name":"viewer","metadata":{"v":1}}""")!;

        Assert.Equal("subscribe", frame.Action);
        Assert.Equal("t", frame.AuthToken);
        Assert.Equal("r-1", frame.RequestId);
        Assert.Equal("a", (string?)frame.Data!["account_id"]);
        Assert.Equal("viewer", (string?)frame.Name);
        Assert.Equal(1, (int?)frame.Metadata!["v"]);
    }

    [Fact]
    public void Missing_action_is_noop_and_missing_request_id_is_rand_hex_32()
    {
        var frame = Parse("""{"data":{}}""")!;

        Assert.Equal("noop", frame.Action);
        Assert.Matches("^[0-9a-f]{32}$", frame.RequestId);
        Assert.Null(frame.AuthToken);
    }

    [Fact]
    public void Empty_strings_count_as_absent_and_numbers_as_their_text()
    {
        var frame = Parse("""{"action":"","auth_token":"","request_id":42}""")!;

        Assert.Equal("noop", frame.Action);
        Assert.Null(frame.AuthToken);
        Assert.Equal("42", frame.RequestId);
    }

    [Fact]
    public void Data_that_is_not_an_object_is_absent()
    {
        Assert.Null(Parse("""{"action":"subscribe","data":"conference.event.x.*"}""")!.Data);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("\"ping\"")]
    [InlineData("{\"action\":")]
    [InlineData("")]
    public void Anything_but_a_JSON_object_is_no_frame(string text)
    {
        Assert.Null(Parse(text));
    }

    private static BlackholeFrame? Parse(string text) => BlackholeFrame.Parse(Encoding.UTF8.GetBytes(text));
}
