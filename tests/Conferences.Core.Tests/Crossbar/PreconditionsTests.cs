namespace Conferences.Core.Tests.Crossbar;

/// <summary>The conditional-request rules of cowboy_rest as crossbar answers them (RFC 9110 §13.1).</summary>
public sealed class PreconditionsTests
{
    [Theory]
    [InlineData("\"1-abc\"")]
    [InlineData("*")]
    [InlineData("1-abc")]
    public void A_put_with_any_if_match_is_412(string ifMatch)
    {
        var preconditions = Preconditions.FromHeaders([ifMatch], []);

        var error = Assert.Throws<CrossbarException>(preconditions.EnsurePutAllowed);

        Assert.Equal(412, error.Status);
    }

    [Fact]
    public void A_put_without_if_match_passes() => Preconditions.FromHeaders([], []).EnsurePutAllowed();

    [Theory]
    [InlineData("\"2-b\"")]
    [InlineData("*")]
    [InlineData("\"1-a\", \"2-b\"")]
    [InlineData("W/\"2-b\"")]
    public void A_write_whose_if_match_names_the_revision_passes(string ifMatch) =>
        Preconditions.FromHeaders([ifMatch], []).EnsureMatches("2-b");

    [Fact]
    public void A_write_whose_if_match_names_another_revision_is_412_naming_the_current_one()
    {
        var error = Assert.Throws<CrossbarException>(() => Preconditions.FromHeaders(["\"1-a\""], []).EnsureMatches("2-b"));

        Assert.Equal(412, error.Status);
        Assert.Equal("2-b", error.ErrorData!["revision"]!.GetValue<string>());
    }

    [Fact]
    public void An_empty_if_match_is_no_precondition() => Preconditions.FromHeaders([""], []).EnsureMatches("2-b");

    [Theory]
    [InlineData("\"2-b\"", true)]
    [InlineData("*", true)]
    [InlineData("\"1-a\", \"2-b\"", true)]
    [InlineData("\"1-a\"", false)]
    public void A_get_whose_if_none_match_names_the_revision_is_not_modified(string ifNoneMatch, bool notModified) =>
        Assert.Equal(notModified, Preconditions.FromHeaders([], [ifNoneMatch]).NotModified("2-b"));
}
