namespace Conferences.Api.Tests.Robustness;

/// <summary>
/// Paths the in-memory test server cannot carry, sent to real Kestrel. Kestrel itself refuses a null character
/// in the path with 400 before the application runs, so only the status is checked there.
/// </summary>
public sealed class KestrelPathTests(KestrelApiFactory api) : IClassFixture<KestrelApiFactory>
{
    [Theory]
    [InlineData("/v2/accounts/%00/conferences")]
    [InlineData("/v2/accounts/{a}/conferences/%00")]
    [InlineData("/v2/accounts/{a}/conferences/a%00b/participants")]
    public async Task Null_characters_in_the_path_never_answer_500(string path)
    {
        var account = await api.NewAccountAsync();
        var url = path.Replace("{a}", account.Id, StringComparison.Ordinal);

        foreach (var method in new[] { "GET", "PUT", "DELETE" })
        {
            var answer = await account.SendAsync(new HttpMethod(method), url);
            Assert.True((int)answer.Status is >= 400 and < 500, $"{method} {path} answered {(int)answer.Status}: {answer.Body}");
        }
    }

    [Theory]
    [InlineData("/v2/accounts/{a}/conferences/%FF")]
    [InlineData("/v2/accounts/{a}//conferences")]
    [InlineData("/v2/accounts/{a}/conferences/%2F")]
    public async Task Odd_paths_over_kestrel_are_envelopes(string path)
    {
        var account = await api.NewAccountAsync();

        NoServerError.Assert(await account.GetAsync(path.Replace("{a}", account.Id, StringComparison.Ordinal)));
    }
}
