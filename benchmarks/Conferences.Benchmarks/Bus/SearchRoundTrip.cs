using System.Diagnostics;
using System.Text.Json.Nodes;
using Conferences.Core.Kapi;
using Conferences.Core.Kazoo;
using Conferences.Core.Messaging;
using Conferences.MediaServer.Control;
using RabbitMQ.Client;

namespace Conferences.Benchmarks.Bus;

/// <summary>
/// Search round trip: <see cref="MediaManagerDiscovery.SearchAsync(JsonObject, CancellationToken)"/> in the conference
/// form for a conference a simulator on the same bus hosts, one at a time, on the in-process bus and on RabbitMQ, and
/// the raw RabbitMQ.Client request/reply (<see cref="RawRabbitRequestReply"/>) with the same bytes, in alternating blocks.
/// </summary>
public static class SearchRoundTrip
{
    private static readonly KapiSender Crossbar = KapiSender.Crossbar("crossbar@bench");

    public static async Task RunAsync(
        BusSettings settings, KapiBusHost inProcess, KapiBusHost? rabbit, IConnection? raw, BusReport report, CancellationToken ct)
    {
        var account = KazooIds.NewId();
        var searchConference = KazooIds.NewId();
        var searchCases = new List<(string Name, Func<Task<SearchOutcome>> Once)>
        {
            ("in-process", await SearchCaseAsync("in-process", inProcess, searchConference, account, report, ct)),
        };
        if (rabbit is not null && raw is not null)
        {
            searchCases.Add(("rabbitmq", await SearchCaseAsync("rabbitmq", rabbit, searchConference, account, report, ct)));
        }
        await using var rawSearch = await RawSearchAsync(rabbit, raw, searchConference, report, ct);
        if (rawSearch is not null)
        {
            searchCases.Add(("raw", async () =>
            {
                await rawSearch.RoundTripAsync(ct);
                return new SearchOutcome(true, 1);
            }));
        }
        var samples = searchCases.ToDictionary(c => c.Name, _ => new List<double>(settings.Searches));
        var failures = searchCases.ToDictionary(c => c.Name, _ => 0);
        var replies = searchCases.ToDictionary(c => c.Name, _ => 0L);
        foreach (var (_, once) in searchCases)
        {
            for (var i = 0; i < BusSettings.SearchWarmup; i++)
            {
                await once();
            }
        }
        var perRound = settings.Searches / settings.Rounds;
        for (var round = 0; round < settings.Rounds; round++)
        {
            foreach (var (name, once) in searchCases)
            {
                var count = round == settings.Rounds - 1 ? settings.Searches - (perRound * round) : perRound;
                for (var i = 0; i < count; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var outcome = await once();
                    samples[name].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    failures[name] += outcome.Found ? 0 : 1;
                    replies[name] += outcome.Replies;
                }
            }
        }
        foreach (var (name, list) in samples)
        {
            report.Latency[name] = LatencyResult.From(list);
            report.SearchFailures[name] = failures[name];
            report.RepliesPerSearch[name] = (double)replies[name] / list.Count;
            Console.WriteLine($"search {name}: {report.Latency[name]} failures {failures[name]}");
        }

    }

    private static JsonObject SearchRequest(string conferenceId) =>
        KapiMessage.Build(KapiConference.SearchReq, new JsonObject { [KapiKeys.ConferenceId] = conferenceId }, Crossbar);

    /// <summary>
    /// Puts a participant in <paramref name="conference"/> on the host's simulator, waits until the directory counts
    /// it, and returns one search.
    /// </summary>
    private static async Task<Func<Task<SearchOutcome>>> SearchCaseAsync(
        string name, KapiBusHost host, string conference, string account, BusReport report, CancellationToken ct)
    {
        await host.Simulator.AddParticipantAsync(new NewParticipant(conference, account) { CallerIdName = "Bench", CallerIdNumber = "5550100" }, ct);
        await host.WaitForManagersAsync(1, ct);
        report.Managers[name] = host.Directory.Managers.Count;
        return async () =>
        {
            var found = await host.Discovery.SearchAsync(SearchRequest(conference), ct);
            return new SearchOutcome(!found.TimedOut && found.Replies.Any(r =>
                KazooJson.GetString(r, KapiHeaders.EventName) == KapiConference.SearchResp.EventName
                && KazooJson.GetString(r, KapiKeys.ConferenceId) == conference), found.Replies.Count);
        };
    }

    /// <summary>The raw round trip with the bytes the bus puts on the wire: a stamped search_req and a real search_resp.</summary>
    private static async Task<RawRabbitRequestReply?> RawSearchAsync(
        KapiBusHost? rabbit, IConnection? raw, string conference, BusReport report, CancellationToken ct)
    {
        if (rabbit is null || raw is null)
        {
            return null;
        }
        var found = await rabbit.Discovery.SearchAsync(SearchRequest(conference), ct);
        var reply = found.Replies.FirstOrDefault(r => KazooJson.GetString(r, KapiHeaders.EventName) == KapiConference.SearchResp.EventName)
            ?? throw new InvalidOperationException($"the simulator did not answer the search (timed out: {found.TimedOut})");
        var request = SearchRequest(conference);
        var msgId = KazooJson.GetString(request, KapiHeaders.MsgId)!;
        request[KapiHeaders.ServerId] = rabbit.Requester.ServerId;
        request[KapiHeaders.SystemLogId] = msgId;
        report.RequestBytes = KazooJson.ToUtf8(request).Length;
        report.ReplyBytes = KazooJson.ToUtf8(reply).Length;
        var baseline = new RawRabbitRequestReply(raw, KazooJson.ToUtf8(request), KazooJson.ToUtf8(reply));
        await baseline.StartAsync(ct);
        return baseline;
    }
}
