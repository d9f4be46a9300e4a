using System.Text.Json.Nodes;
using Conferences.Core.Kapi;
using Conferences.Core.Kazoo;
using Conferences.Core.Messaging;
using RabbitMQ.Client;

namespace Conferences.Benchmarks.Bus;

/// <summary>
/// Command publish throughput: a kapi <c>mute_participant</c> to <c>conference.command.{conf}</c> with one consumer
/// bound, through <see cref="IKapiPublisher"/> on the in-process bus and on RabbitMQ, and the raw RabbitMQ.Client loop
/// (<see cref="RawRabbitCommands"/>) with the same bytes on another conference's routing key, alternating rounds.
/// </summary>
public static class CommandThroughput
{
    private static readonly KapiSender Commands = KapiSender.KappsConference("crossbar@bench");

    public static async Task RunAsync(
        BusSettings settings, KapiBusHost inProcess, KapiBusHost? rabbit, IConnection? raw, BusReport report, CancellationToken ct)
    {
        var busConference = KazooIds.NewId();
        var rawConference = KazooIds.NewId();
        var mute = MuteCommand(busConference);
        var rawBody = KazooJson.ToUtf8(MuteCommand(rawConference));
        report.CommandBytes = KazooJson.ToUtf8(mute).Length;
        await inProcess.ConsumeCommandsAsync(busConference, ct);
        if (rabbit is not null)
        {
            await rabbit.ConsumeCommandsAsync(busConference, ct);
        }
        await using var rawCommands = raw is null ? null : new RawRabbitCommands(raw, KapiRoutingKeys.Command(rawConference), rawBody);
        if (rawCommands is not null)
        {
            await rawCommands.StartAsync(BusSettings.Concurrency.Max(), ct);
        }
        var routingKey = KapiRoutingKeys.Command(busConference);
        var cases = new List<(string Name, Func<int, Task> Publish, Func<long> Consumed)>
        {
            ("in-process", (Func<int, Task>)(_ => inProcess.Publisher.PublishAsync(routingKey, mute, ct)), () => inProcess.Consumed),
        };
        if (rabbit is not null && rawCommands is not null)
        {
            cases.Add(("rabbitmq", (Func<int, Task>)(_ => rabbit.Publisher.PublishAsync(routingKey, mute, ct)), () => rabbit.Consumed));
            cases.Add(("raw", rawCommands.PublishAsync, () => rawCommands.Consumed));
        }
        foreach (var concurrency in BusSettings.Concurrency)
        {
            var rounds = cases.ToDictionary(c => c.Name, _ => new List<ThroughputResult>());
            foreach (var (_, publish, consumed) in cases)
            {
                await PublishLoop.RunAsync(concurrency, TimeSpan.FromSeconds(1), publish, consumed);
            }
            for (var round = 0; round < settings.Rounds; round++)
            {
                foreach (var (name, publish, consumed) in cases)
                {
                    var result = await PublishLoop.RunAsync(concurrency, settings.Round, publish, consumed);
                    rounds[name].Add(result);
                    Console.WriteLine($"publish {name} x{concurrency} round {round + 1}: {result.PublishedPerSecond:F0}/s (consumed {result.Consumed}/{result.Published})");
                }
            }
            report.Throughput[concurrency] = rounds.ToDictionary(r => r.Key, r => ThroughputResult.Median(r.Value));
        }

    }

    private static JsonObject MuteCommand(string conferenceId) =>
        KapiMessage.Build(KapiConference.MuteParticipant, new JsonObject
        {
            [KapiKeys.ConferenceId] = conferenceId,
            [KapiKeys.ParticipantId] = 3,
        }, Commands);
}
