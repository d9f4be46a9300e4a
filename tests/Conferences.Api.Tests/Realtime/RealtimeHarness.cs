namespace Conferences.Api.Tests.Realtime;

/// <summary>The API host with its embedded simulator, and participants joined through it.</summary>
public abstract class RealtimeHarness(ApiFactory api) : IClassFixture<ApiFactory>
{
    protected ApiFactory Api { get; } = api;

    protected SimulatorControl Simulator => Api.Services.GetRequiredService<SimulatorControl>();

    protected async Task<(string CallId, long MemberId, long JoinTime)> JoinAsync(TestAccount account, string conferenceId, string name, bool moderator = false)
    {
        var member = await Simulator.AddParticipantAsync(new NewParticipant(conferenceId, account.Id)
        {
            CallerIdName = name,
            CallerIdNumber = moderator ? "1002" : "1001",
            Flags = moderator ? ["is_moderator"] : [],
            CustomApplicationVars = new JsonObject { ["Source"] = "demo" },
        });
        Assert.NotNull(member);
        return (member.CallId, member.MemberId, member.JoinTime);
    }

    /// <summary>A new account's stored conference named <paramref name="name"/>, running with a member (alice) and a moderator (boss) that GET shows.</summary>
    protected async Task<(TestAccount Account, string Id)> RunningConferenceAsync(string name)
    {
        var account = await Api.NewAccountAsync();
        var id = await account.CreateConferenceIdAsync(new JsonObject { ["name"] = name });
        await JoinAsync(account, id, "alice");
        await JoinAsync(account, id, "boss", moderator: true);
        await LiveApi.GetUntilAsync(account, id, r => LiveApi.Counts(r, members: 1, moderators: 1));
        return (account, id);
    }
}
