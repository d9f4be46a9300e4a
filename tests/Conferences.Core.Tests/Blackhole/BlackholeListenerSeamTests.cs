namespace Conferences.Core.Tests.Blackhole;

/// <summary>One listener's seam, without threads: an event numbered before a start's window was read can reach the
/// listener only after the client binding is active (its delivery was on its way), and is then already in the start.</summary>
public sealed class BlackholeListenerSeamTests
{
    private const string Client = "conference.event.c1.*";

    [Fact]
    public void An_event_the_start_covers_is_not_sent_again_when_it_arrives_after_activation()
    {
        var outbox = new RecordingOutbox();
        var sender = new BlackholeSender(outbox);
        var listener = new BlackholeListener("conference.event.*.c1.*");
        listener.Hold(Client);
        listener.Deliver(Numbered(4), sender);

        // the start was read while event 5 was numbered and held in the window, but not yet delivered
        listener.Activate(Client, sender, new BlackholeStart([], After: 5));
        listener.Deliver(Numbered(5), sender);
        listener.Deliver(Numbered(6), sender);

        Assert.Equal(["c1.6"], outbox.Events.Select(f => (string)f["routing_key"]!));
    }

    [Fact]
    public void Without_a_start_every_event_is_sent()
    {
        var outbox = new RecordingOutbox();
        var sender = new BlackholeSender(outbox);
        var listener = new BlackholeListener("conference.event.*.c1.*");
        listener.Activate(Client, sender);

        listener.Deliver(Numbered(1), sender);
        listener.Deliver(new BlackholeEvent("c1.plain", BlackholeEventFrame.RenderTail("add-member", "c1.plain", null, [])), sender);

        Assert.Equal(["c1.1", "c1.plain"], outbox.Events.Select(f => (string)f["routing_key"]!));
    }

    private static BlackholeEvent Numbered(long sequence) =>
        new($"c1.{sequence}", BlackholeEventFrame.RenderTail("add-member", $"c1.{sequence}", $"cursor-{sequence}", []))
        {
            Sequence = sequence,
        };
}
