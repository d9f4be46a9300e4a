using Conferences.Api.Tests.Fixtures;

namespace Conferences.Api.Tests.Robustness;

/// <summary>Bad input never answers 5xx; it answers a Kazoo envelope (docs/compatibility.md D9).</summary>
public static class NoServerError
{
    public static void Assert(Answer answer, string method = "GET")
    {
        Xunit.Assert.True((int)answer.Status < 500, $"{method} answered {(int)answer.Status}: {answer.Body}");
        if (method == "HEAD" || answer.Body.Length == 0)
        {
            return;
        }
        Xunit.Assert.Equal("application/json", answer.Header("Content-Type"));
        Xunit.Assert.True(answer.Json?["status"] is not null, $"not an envelope: {answer.Body}");
    }
}
