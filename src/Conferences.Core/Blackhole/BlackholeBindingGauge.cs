namespace Conferences.Core.Blackhole;

// conferences.websocket.subscriptions follows the bindings a session holds (reported under its lock after each change).
internal sealed class BlackholeBindingGauge
{
    private int reported;

    public void Report(int count)
    {
        var change = count - reported;
        reported = count;
        if (change != 0)
        {
            ConferencesMetrics.WebsocketSubscriptions.Add(change);
        }
    }
}
