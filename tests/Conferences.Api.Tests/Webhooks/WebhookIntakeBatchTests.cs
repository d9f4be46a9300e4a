using Conferences.Core.Webhooks;

namespace Conferences.Api.Tests.Webhooks;

/// <summary>
/// The batching intake (docs/webhooks.md, "Delivery guarantees"): a batch's events go out in the order given, and an
/// event the broker hands over again — the instance stopped after the write, before the acknowledgement — is sent
/// again with the same <c>event_id</c>, so a receiver drops the copy.
/// </summary>
public sealed class WebhookIntakeBatchTests(WebhookApiFactory api) : IClassFixture<WebhookApiFactory>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task An_event_handed_over_again_after_its_write_carries_the_same_event_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = await api.NewAccountAsync();
        await account.CreateWebhookAsync(Webhooks.For(receiver, new JsonObject { ["events"] = new JsonArray("mute-member", "unmute-member") }));
        var intake = api.Services.GetRequiredService<WebhookIntake>();
        var conference = KazooIds.NewId();
        var (muted, unmuted) = (Event(account.Id, conference, "mute-member"), Event(account.Id, conference, "unmute-member"));

        await intake.HandleBatchAsync([muted, unmuted], Ct);
        await intake.HandleBatchAsync([Copy(muted)], Ct); // redelivered: committed, never acknowledged

        var delivered = await receiver.AcceptedAsync(3);
        Assert.Equal(["mute-member", "unmute-member", "mute-member"], delivered.Select(d => d.Event));
        var ids = delivered.Select(d => d.Json["event_id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids[0], ids[2]);
        Assert.NotEqual(ids[0], ids[1]);
        Assert.Equal(ids[0], delivered[2].Headers[WebhookHeaders.EventId]);
        Assert.True(delivered[0].Sequence < delivered[1].Sequence && delivered[1].Sequence < delivered[2].Sequence);
    }

    [Fact]
    public void Messages_without_a_msg_id_get_ids_of_their_own_even_when_alike()
    {
        var message = Event(KazooIds.NewId(), KazooIds.NewId(), "mute-member").Message;
        message.Remove(KapiHeaders.MsgId);

        Assert.NotEqual(WebhookEventIds.Of(message), WebhookEventIds.Of(message));
        Assert.Matches("^[0-9a-f]{32}$", WebhookEventIds.Of(message));
    }

    private static KapiDelivery Event(string account, string conference, string name) => new(
        KapiExchange.Conference.Name,
        KapiRoutingKeys.Event(name, account, conference, "call"),
        new JsonObject
        {
            [KapiHeaders.EventCategory] = "conference",
            [KapiHeaders.EventName] = "participant_event",
            [KapiHeaders.MsgId] = KapiHeaders.NewMsgId(),
            [KapiKeys.Event] = name,
            [KapiHeaders.AccountId] = account,
            [KapiKeys.ConferenceId] = conference,
            [KapiHeaders.CallId] = "call",
            [KapiKeys.ParticipantId] = 1,
        });

    private static KapiDelivery Copy(KapiDelivery delivery) => delivery with { Message = (JsonObject)delivery.Message.DeepClone() };
}
