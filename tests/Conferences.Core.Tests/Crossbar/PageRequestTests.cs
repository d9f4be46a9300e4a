namespace Conferences.Core.Tests.Crossbar;

/// <summary>Pagination options (<c>crossbar_view</c>).</summary>
public sealed class PageRequestTests
{
    private static PageRequest From(params (string Key, string Value)[] query) => PageRequest.From(new CrossbarContext
    {
        RequestId = "r",
        AccountId = new string('a', 32),
        Query = query.ToDictionary(q => q.Key, q => q.Value),
    });

    [Fact]
    public void Defaults_to_descending_pages_of_fifty()
    {
        var page = From();
        Assert.Equal(new PageRequest(true, 50, null, true), page);
    }

    [Theory]
    [InlineData("true", null, false)]
    [InlineData("1", null, false)]
    [InlineData("false", null, true)]
    [InlineData("true", "true", true)]
    [InlineData(null, "false", true)]
    public void Ascending_only_with_ascending_not_false_and_no_descending_true(string? ascending, string? descending, bool expectDescending)
    {
        var query = new List<(string, string)>();
        if (ascending is not null)
        {
            query.Add(("ascending", ascending));
        }
        if (descending is not null)
        {
            query.Add(("descending", descending));
        }
        Assert.Equal(expectDescending, From([.. query]).Descending);
    }

    [Theory]
    [InlineData("0", "page size must be at least 1")]
    [InlineData("-3", "page size must be at least 1")]
    [InlineData("abc", "invalid page size")]
    [InlineData("1.5", "invalid page size")]
    public void Invalid_page_size_is_a_faulty_request(string size, string message)
    {
        var error = Assert.Throws<CrossbarException>(() => From(("page_size", size)));
        Assert.Equal(404, error.Status);
        Assert.Equal("faulty_request", error.ErrorName);
        Assert.Equal(message, error.ErrorData!["message"]!.GetValue<string>());
    }

    [Fact]
    public void Paginate_other_than_true_returns_everything()
    {
        Assert.False(From(("paginate", "false")).Paginate);
        Assert.False(From(("paginate", "no")).Paginate);
        Assert.True(From(("paginate", "true")).Paginate);
    }

    [Fact]
    public void Start_key_is_decoded() => Assert.Equal("abc", From(("start_key", StartKeyCodec.Encode("abc"))).StartKey);
}
