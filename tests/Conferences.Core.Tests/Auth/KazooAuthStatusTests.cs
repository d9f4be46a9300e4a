namespace Conferences.Core.Tests.Auth;

/// <summary>What <c>/health</c> reports when Kazoo tokens are accepted but Kazoo's auth configuration is incomplete.</summary>
public sealed class KazooAuthStatusTests
{
    [Fact]
    public async Task The_kazoo_auth_status_names_what_is_missing()
    {
        var harness = new KazooTokenHarness();
        Assert.Null(await harness.Status.ProblemAsync(CancellationToken.None));

        harness.Store.Put("system_config", new JsonObject { ["_id"] = "auth", ["default"] = new JsonObject() });

        Assert.Contains("system_key", await harness.Status.ProblemAsync(CancellationToken.None), StringComparison.Ordinal);
    }
}
