namespace Conferences.Api.Websocket;

/// <summary>Counts open sockets per client address for <see cref="WebsocketOptions.MaxConnectionsPerIp"/> (Blackhole's 429).</summary>
public sealed class ConnectionsPerIp
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> open = new(StringComparer.Ordinal);

    public bool TryAcquire(string address, int limit)
    {
        lock (gate)
        {
            var count = open.GetValueOrDefault(address);
            if (limit > 0 && count >= limit)
            {
                return false;
            }
            open[address] = count + 1;
            return true;
        }
    }

    public void Release(string address)
    {
        lock (gate)
        {
            if (open.TryGetValue(address, out var count))
            {
                if (count <= 1)
                {
                    open.Remove(address);
                }
                else
                {
                    open[address] = count - 1;
                }
            }
        }
    }

    public int Count(string address)
    {
        lock (gate)
        {
            return open.GetValueOrDefault(address);
        }
    }
}
