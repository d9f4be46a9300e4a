using Conferences.Tests.Time;
using Microsoft.AspNetCore.TestHost;
using static Conferences.Api.Tests.Applied.AppliedRequests;

namespace Conferences.Api.Tests.Applied;

/// <summary>
/// <c>wait=applied</c> when the confirmation never comes (docs/compatibility.md, "Actions a script can trust"): 202 naming
/// what was not confirmed. The timeout is held and expired by the test, so nothing here waits for it on real time.
/// </summary>
public sealed class AppliedTimeoutHttpTests(AppliedTimeoutHttpTests.HeldTimeout api) : IClassFixture<AppliedTimeoutHttpTests.HeldTimeout>
{
    [Fact]
    public async Task A_confirmation_that_never_comes_answers_202_with_the_unconfirmed_targets()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();

        var answering = account.ConferenceActionAppliedAsync(id, "lock");
        api.Clock.Advance(await api.Clock.TimerStartedAsync());
        var answer = await answering;

        answer.ExpectStatus(HttpStatusCode.Accepted);
        Assert.Equal("ok", (string?)answer.Data);
        Assert.Equal("unconfirmed", (string?)answer.Json!["metadata"]!["applied"]);
        Assert.Equal([("lock", null)], Confirmed(answer, "unconfirmed"));
    }

    /// <summary>The embedded default with the quick simulator; the applied timeout runs on a held clock.</summary>
    public sealed class HeldTimeout : ApiFactory
    {
        public HeldTimeout()
        {
            Settings.FastSimulator().LongAppliedTimeout();
            Clock.Hold();
        }

        public TimeoutClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.UseAppliedClock(Clock));
        }
    }
}
