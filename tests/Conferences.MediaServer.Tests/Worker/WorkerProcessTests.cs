using Conferences.Tests.Amqp;
using RabbitMQ.Client;
using static Conferences.MediaServer.Tests.Worker.CrossbarSide;

namespace Conferences.MediaServer.Tests.Worker;

/// <summary>
/// The simulator worker (<c>dotnet run --project src/Conferences.MediaServer</c>) as a process of its own on a real
/// RabbitMQ, seen only through the wire: a raw AMQP client plays crossbar (docs/amqp.md, <c>ecallmgr_fs_conferences.erl</c>; docs/operations.md,
/// docs/amqp.md). Each test has its own host name, zone and account, so that runs sharing a broker keep apart.
/// </summary>
public sealed class WorkerProcessTests
{
    [Fact]
    public async Task Worker_answers_a_dial_and_both_search_forms_and_publishes_events_with_kazoo_routing_keys()
    {
        var (account, hostname, zone) = (KazooIds.NewId(), $"wt-{KazooIds.RandomHex(4)}", $"zone{KazooIds.RandomHex(4)}");
        var manager = $"ecallmgr@{hostname}";
        await using var crossbar = await RawAmqp.ConnectAsync(TestServers.Broker);
        var replies = await crossbar.ReplyQueueAsync();
        var events = await crossbar.ListenAsync("conference", ExchangeType.Topic, $"conference.event.*.{account}.#");
        await using var worker = await StartWorkerAsync(hostname, zone);

        var (conference, callId, dialed) = await DialAsync(crossbar, replies, manager, account, zone);

        // dial_resp → targeted / Server-ID, Msg-ID echoed (kapi_conference:dial_resp/1)
        Assert.Equal(("targeted", replies.QueueName, "application/json"), (dialed.Exchange, dialed.RoutingKey, dialed.ContentType));
        Assert.Equal(("conference", "command", "ecallmgr"), (dialed.Str("Event-Category"), dialed.Str("Event-Name"), dialed.Str("App-Name")));
        var leg = Assert.Single(dialed.Json["Endpoint-Responses"]!.AsArray())!.AsObject();
        Assert.Equal("success", leg["Status"]!.GetValue<string>());
        Assert.Equal("dialing endpoints", leg["Message"]!.GetValue<string>());
        Assert.Equal("sip:alice@example.com", leg["Endpoint-ID"]!.GetValue<string>());
        Assert.Equal(callId, leg["Call-ID"]!.GetValue<string>());

        // events → conference / conference.event.{Event}.{acct}.{conf}.{enc(call)}; the conference's own events end in {conf} (kapi_conference:event/1, ecallmgr_fs_conference_stream.erl)
        var create = await events.WaitForAsync(m => m.RoutingKey == $"conference.event.conference-create.{account}.{conference}.{conference}", "conference-create");
        Assert.Equal(("conference", "application/json"), (create.Exchange, create.ContentType));
        Assert.Equal(("event", "conference-create", "freeswitch"), (create.Str("Event-Name"), create.Str("Event"), create.Str("App-Name")));
        Assert.Equal($"freeswitch@{hostname}", create.Str("Node"));
        Assert.Null(create.Json["Call-ID"]);
        // AMQP-word encoding of the call id: '.' → %2E, ' ' → '+', '@' → %40 (docs/amqp.md)
        var encodedCall = callId.Replace(".", "%2E", StringComparison.Ordinal).Replace(" ", "+", StringComparison.Ordinal).Replace("@", "%40", StringComparison.Ordinal);
        var join = await events.WaitForAsync(m => m.RoutingKey == $"conference.event.add-member.{account}.{conference}.{encodedCall}", "add-member");
        Assert.Equal((callId, conference, create.Str("Instance-ID")), (join.Str("Call-ID"), join.Str("Conference-ID"), join.Str("Instance-ID")));
        Assert.True(join.Json["Participant-ID"]!.GetValue<long>() > 0);

        // search_req, conference form: the host answers search_resp (kapi_conference:search_resp/1, ecallmgr_fs_conferences.erl)
        var found = await SearchAsync(crossbar, replies, manager, new JsonObject { ["Conference-ID"] = conference });
        Assert.Equal(("targeted", replies.QueueName), (found.Exchange, found.RoutingKey));
        Assert.Equal(("search_resp", conference, hostname), (found.Str("Event-Name"), found.Str("Conference-ID"), found.Str("Switch-Hostname")));
        Assert.Equal(1, found.Json["Participant-Count"]!.GetValue<int>());
        Assert.Equal(callId, Assert.Single(found.Json["Participants"]!.AsArray())!["Call-ID"]!.GetValue<string>());

        // … and a conference it does not host gets the conference error (kapi_conference:conference_error/1)
        var elsewhere = KazooIds.NewId();
        var error = await SearchAsync(crossbar, replies, manager, new JsonObject { ["Conference-ID"] = elsewhere });
        Assert.Equal(("error", elsewhere, $"Conference {elsewhere} not found"), (error.Str("Event-Name"), error.Str("Conference-ID"), error.Str("Error-Message")));
        Assert.Equal(elsewhere, error.Json["Request"]!["Conference-ID"]!.GetValue<string>());

        // search_req, account form: every conference of the account with its counts
        var listing = await SearchAsync(crossbar, replies, manager, new JsonObject { ["Account-ID"] = account });
        Assert.Equal(("search_resp", account), (listing.Str("Event-Name"), listing.Str("Account-ID")));
        var stats = listing.Json["Conferences"]![conference]!;
        Assert.Equal((1, 1, 0), (stats["Participant-Count"]!.GetValue<int>(), stats["Members"]!.GetValue<int>(), stats["Moderators"]!.GetValue<int>()));

        // a command on conference.command.{conf}: kick without Participant-ID hangs up the last member, which ends the conference (ecallmgr_fs_conference_stream.erl, ecallmgr_conference_command.erl)
        await crossbar.PublishAsync("conference", $"conference.command.{conference}", Kazoo("command", "kapps_conference", "1.0.0",
            new JsonObject { ["Application-Name"] = "kick", ["Conference-ID"] = conference }));
        await events.WaitForAsync(m => m.RoutingKey == $"conference.event.del-member.{account}.{conference}.{encodedCall}", "del-member");
        await events.WaitForAsync(m => m.RoutingKey == $"conference.event.conference-destroy.{account}.{conference}.{conference}", "conference-destroy");
    }

    [Fact]
    public async Task Worker_leaves_the_bus_and_exits_0_on_SIGTERM()
    {
        var (hostname, zone) = ($"wt-{KazooIds.RandomHex(4)}", $"zone{KazooIds.RandomHex(4)}");
        var manager = $"ecallmgr@{hostname}";
        await using var crossbar = await RawAmqp.ConnectAsync(TestServers.Broker);
        var nodes = await crossbar.ListenAsync("nodes", ExchangeType.Fanout);
        await using var worker = await StartWorkerAsync(hostname, zone);
        await nodes.WaitForAsync(m => m.Str("Node") == manager && RunsEcallmgr(m), "the worker's heartbeat");

        worker.Terminate();

        Assert.True(await worker.WaitForExitAsync() == 0, $"exit code {worker.ExitCode}:\n{worker.Output}");
        // its last heartbeat no longer lists ecallmgr: crossbar stops waiting for its search replies at once
        await nodes.WaitForAsync(m => m.Str("Node") == manager && !RunsEcallmgr(m), "the worker's last heartbeat");
        Assert.Contains("Application is shutting down", worker.Output, StringComparison.Ordinal);
        await worker.WaitForLineAsync("Media-server simulator", manager, "stopped");
    }

    [Fact]
    public async Task Worker_waits_for_a_broker_that_is_not_there_and_still_stops_on_SIGTERM()
    {
        await using var worker = WorkerProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = TestServers.UnreachableBroker(),
            ["MediaServer__Hostname"] = $"wt-{KazooIds.RandomHex(4)}",
        });

        var waiting = await worker.WaitForLineAsync("Waiting for RabbitMQ", "ConnectionStrings:RabbitMq");
        Assert.DoesNotContain("guest:guest", waiting, StringComparison.Ordinal);
        Assert.False(worker.HasExited);
        Assert.DoesNotContain("serving zone", worker.Output, StringComparison.Ordinal);

        worker.Terminate();

        Assert.True(await worker.WaitForExitAsync() == 0, $"exit code {worker.ExitCode}:\n{worker.Output}");
    }

    [Theory]
    [InlineData("ConnectionStrings__RabbitMq", "http://127.0.0.1:5672/", "ConnectionStrings:RabbitMq")]
    [InlineData("Messaging__Provider", "inprocess", "Messaging:Provider")]
    public async Task Worker_refuses_to_start_with_a_setting_it_cannot_use_and_names_it(string variable, string value, string key)
    {
        await using var worker = WorkerProcess.Start(new Dictionary<string, string> { [variable] = value });

        Assert.Equal(2, await worker.WaitForExitAsync());
        Assert.Contains(key, worker.Output, StringComparison.Ordinal);
    }
}
