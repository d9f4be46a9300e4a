using Conferences.Tests.Amqp;

namespace Conferences.MediaServer.Tests.Worker;

/// <summary>crossbar's side of the worker tests: starting a worker, and the requests crossbar publishes, as raw JSON.</summary>
public static class CrossbarSide
{
    private const string CrossbarNode = "crossbar@worker-tests";

    public static async Task<WorkerProcess> StartWorkerAsync(string hostname, string zone)
    {
        var worker = WorkerProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = TestServers.Broker,
            ["MediaServer__Hostname"] = hostname,
            ["MediaServer__Zone"] = zone,
            ["MediaServer__AdvertiseInterval"] = "00:00:01",
        });
        try
        {
            // logged once its queues are consumed
            await worker.WaitForLineAsync("serving zone", zone);
            return worker;
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Publishes crossbar's <c>dial</c> (<c>kapi_conference:dial/1</c>) to <c>conference.command.{zone}</c> until this worker answers. Every
    /// manager on one broker consumes the same shared queue <c>ecallmgr_fs_conferences_shared</c> (docs/amqp.md), whatever
    /// zone it binds, so another simulator on a shared test broker may take a dial: its answer is skipped and the dial
    /// is sent again into a new conference.
    /// </summary>
    public static async Task<(string Conference, string CallId, RawMessage Reply)> DialAsync(
        RawAmqp crossbar, RawInbox replies, string manager, string account, string zone)
    {
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var (conference, callId, msgId) = (KazooIds.NewId(), $"leg.{attempt} a@worker", KazooIds.NewId());
            var dial = Kazoo("command", "crossbar", "4.0.0", new JsonObject
            {
                ["Application-Name"] = "dial",
                ["Msg-ID"] = msgId,
                ["Server-ID"] = replies.QueueName,
                ["Conference-ID"] = conference,
                ["Account-ID"] = account,
                ["Caller-ID-Name"] = "Worker test",
                ["Caller-ID-Number"] = "5550100",
                ["Timeout"] = 20,
                ["Endpoints"] = new JsonArray(new JsonObject
                {
                    ["Invite-Format"] = "route",
                    ["Route"] = "sip:alice@example.com",
                    ["To-User"] = "alice",
                    ["To-Realm"] = "example.com",
                    ["Outbound-Call-ID"] = callId,
                    ["Custom-Channel-Vars"] = new JsonObject { ["Account-ID"] = account },
                }),
            });
            await crossbar.PublishAsync("conference", $"conference.command.{zone}", dial);
            var reply = await replies.WaitForAsync(m => m.Str("Msg-ID") == msgId, $"dial_resp to {msgId}");
            if (reply.Str("Node") == manager)
            {
                return (conference, callId, reply);
            }
        }
        throw new InvalidOperationException($"{manager} never took a dial: other media managers on the broker took all ten");
    }

    /// <summary>Publishes a <c>search_req</c> (<c>kapi_conference:search_req/1</c>) and returns this worker's reply (every manager on the broker answers).</summary>
    public static async Task<RawMessage> SearchAsync(RawAmqp crossbar, RawInbox replies, string manager, JsonObject fields)
    {
        var msgId = KazooIds.NewId();
        fields["Msg-ID"] = msgId;
        fields["Server-ID"] = replies.QueueName;
        await crossbar.PublishAsync("conference", "conference.discovery", Kazoo("search_req", "crossbar", "4.0.0", fields));
        return await replies.WaitForAsync(m => m.Str("Msg-ID") == msgId && m.Str("Node") == manager, $"{manager}'s answer to search {msgId}");
    }

    /// <summary>A Kazoo message: the common headers of <c>kz_api.erl</c> and <paramref name="fields"/>.</summary>
    public static JsonObject Kazoo(string eventName, string appName, string appVersion, JsonObject fields)
    {
        var message = new JsonObject
        {
            ["Event-Category"] = "conference",
            ["Event-Name"] = eventName,
            ["App-Name"] = appName,
            ["App-Version"] = appVersion,
            ["Msg-ID"] = KazooIds.NewId(),
            ["Node"] = CrossbarNode,
        };
        foreach (var (key, value) in fields)
        {
            message[key] = value?.DeepClone();
        }
        return message;
    }

    public static bool RunsEcallmgr(RawMessage advertise) => advertise.Json["WhApps"] is JsonObject apps && apps.ContainsKey("ecallmgr");
}
