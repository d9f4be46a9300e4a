using Conferences.Api.Websocket;

namespace Conferences.Api.Tests.Websocket;

/// <summary>A socket's frame queue: bounded, in order, drained after completion, and nothing lost between many
/// delivering threads and the one writer loop.</summary>
public sealed class OutgoingFramesTests
{
    [Fact]
    public async Task A_full_queue_refuses_and_takes_frames_again_once_read()
    {
        var queue = new OutgoingFrames(2);

        Assert.True(queue.TryWrite([1]));
        Assert.True(queue.TryWrite([2]));
        Assert.False(queue.TryWrite([3]));
        Assert.True(await queue.WaitToReadAsync());
        Assert.True(queue.TryRead(out var first));
        Assert.True(queue.TryWrite([4]));

        Assert.Equal([1], first);
        Assert.Equal([[2], [4]], ReadAll(queue));
    }

    [Fact]
    public async Task After_completion_writes_are_refused_and_the_reader_drains_what_is_queued_then_stops()
    {
        var queue = new OutgoingFrames(4);
        queue.TryWrite([1]);

        queue.Complete();

        Assert.False(queue.TryWrite([2]));
        Assert.True(await queue.WaitToReadAsync());
        Assert.Equal([[1]], ReadAll(queue));
        Assert.False(await queue.WaitToReadAsync());
    }

    [Fact]
    public async Task A_waiting_reader_wakes_for_a_write_and_for_completion()
    {
        var queue = new OutgoingFrames(4);
        var waiting = queue.WaitToReadAsync().AsTask();
        Assert.False(waiting.IsCompleted);

        queue.TryWrite([1]);
        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        ReadAll(queue);
        var idle = queue.WaitToReadAsync().AsTask();
        queue.Complete();

        Assert.False(await idle.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Many_writers_and_one_reader_lose_nothing_and_keep_each_writers_order()
    {
        const int Writers = 4;
        const int PerWriter = 20_000;
        var queue = new OutgoingFrames(64);
        var seen = new int[Writers];
        var reader = Task.Run(async () =>
        {
            var read = 0;
            while (read < Writers * PerWriter && await queue.WaitToReadAsync())
            {
                while (queue.TryRead(out var frame))
                {
                    var (writer, n) = (frame[0], BitConverter.ToInt32(frame, 1));
                    Assert.Equal(seen[writer], n);
                    seen[writer]++;
                    read++;
                }
            }
        });
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var n = 0; n < PerWriter; n++)
            {
                byte[] frame = [(byte)w, .. BitConverter.GetBytes(n)];
                while (!queue.TryWrite(frame))
                {
                    await Task.Yield(); // full: the reader is behind
                }
            }
        })).ToList();

        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(60));
        await reader.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(seen, count => Assert.Equal(PerWriter, count));
    }

    private static List<byte[]> ReadAll(OutgoingFrames queue)
    {
        var frames = new List<byte[]>();
        while (queue.TryRead(out var frame))
        {
            frames.Add(frame);
        }
        return frames;
    }
}
