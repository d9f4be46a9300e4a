using Microsoft.Extensions.Logging.Abstractions;

namespace Conferences.MediaServer.Tests;

/// <summary>Several simulator instances on one bus behave as several media-server managers (issue 5, <c>ecallmgr_fs_conferences.erl</c>, <c>ecallmgr_fs_conferences_shared.erl</c>).</summary>
public sealed class MultiInstanceTests
{
    [Fact]
    public async Task Every_instance_answers_every_search_and_only_the_host_with_the_conference()
    {
        await using var sim = await SimulatorHarness.StartAsync(simulators: 2);
        var conf = KazooIds.NewId();
        await sim.JoinAsync(conf, "alice");

        var replies = await sim.SearchAsync(new JsonObject { [KapiKeys.ConferenceId] = conf }, replies: 2);

        var found = Assert.Single(replies, r => Str(r, KapiHeaders.EventName) == "search_resp");
        var error = Assert.Single(replies, r => Str(r, KapiHeaders.EventName) == "error");
        var host = sim.Simulators.Single(s => s.Control.FindConference(conf) is not null);
        Assert.Equal(host.Identity.ManagerNode, Str(found, KapiHeaders.Node));
        Assert.Equal(sim.Simulators.Single(s => s != host).Identity.ManagerNode, Str(error, KapiHeaders.Node));
        await sim.Replies.AssertNothingAsync(SimulatorHarness.Quiet);

        var byAccount = await sim.SearchAsync(new JsonObject { [KapiHeaders.AccountId] = sim.AccountId }, replies: 2);
        Assert.All(byAccount, r => Assert.Equal("search_resp", Str(r, KapiHeaders.EventName)));
        Assert.Single(byAccount, r => Obj(r, KapiKeys.Conferences).ContainsKey(conf));
        Assert.Single(byAccount, r => Obj(r, KapiKeys.Conferences).Count == 0);
    }

    [Fact]
    public async Task A_dial_is_taken_by_exactly_one_instance_and_later_dials_join_the_same_conference()
    {
        await using var sim = await SimulatorHarness.StartAsync(simulators: 2);
        var conf = KazooIds.NewId();

        var first = await sim.DialAsync(sim.Dial(conf, sim.SipEndpoint("sip:alice@example.com")));
        await sim.EventAsync(KapiConferenceEvents.ConferenceCreate);
        // the shared queue alternates between the instances: some of these reach the one not hosting
        for (var i = 0; i < 4; i++)
        {
            await sim.JoinAsync(conf, $"user{i}");
        }

        Assert.Equal("success", Str(Items(first, KapiKeys.EndpointResponses).Single(), "Status"));
        await sim.Replies.AssertNothingAsync(SimulatorHarness.Quiet);
        var events = sim.Events.Drain();
        Assert.DoesNotContain(events, e => EventName(e.Message) == KapiConferenceEvents.ConferenceCreate);
        Assert.Equal(5, events.Count(e => EventName(e.Message) == KapiConferenceEvents.AddMember));
        var hosts = sim.Simulators.Where(s => s.Control.FindConference(conf) is not null).ToList();
        var host = Assert.Single(hosts);
        Assert.Equal(5, host.Control.FindConference(conf)!.Participants.Count);
    }

    [Fact]
    public async Task Instances_advertise_themselves_as_media_managers_and_leave_when_stopped()
    {
        await using var sim = await SimulatorHarness.StartAsync(simulators: 0);
        await using var directory = new MediaManagerDirectory(sim.Subscriber, TimeProvider.System, NullLogger<MediaManagerDirectory>.Instance);
        await directory.StartAsync(CancellationToken.None);

        var one = await sim.AddSimulatorAsync();
        var two = await sim.AddSimulatorAsync(o => o.NodeName = "ecallmgr@custom-node");
        await Eventually(() => directory.Managers.Count == 2);

        Assert.Equal(new[] { one.Identity.ManagerNode, "ecallmgr@custom-node" }.Order(StringComparer.Ordinal), directory.Managers.Select(m => m.Node).Order(StringComparer.Ordinal));
        Assert.All(directory.Managers, m => Assert.Equal("local", m.Zone));
        await two.StopAsync(CancellationToken.None);
        await Eventually(() => directory.Managers.Count == 1);
        Assert.Equal(one.Identity.ManagerNode, directory.Managers.Single().Node);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in 10 s");
            await Task.Delay(20);
        }
    }
}
