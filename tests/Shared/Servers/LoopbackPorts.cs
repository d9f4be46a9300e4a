using System.Net;
using System.Net.Sockets;

namespace Conferences.Tests.Servers;

/// <summary>Loopback ports for servers the tests start, and for servers that are deliberately not there.</summary>
public static class LoopbackPorts
{
    /// <summary>A port nobody listens on right now.</summary>
    public static int Unused()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A port for a RabbitMQ node: free itself, and so are PORT+10000 (its epmd) and PORT+20000 (Erlang distribution),
    /// which is why it comes from 15000–25000 rather than from the ephemeral range.
    /// </summary>
    public static int ForRabbitMqNode()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(15_000, 25_000);
            if (IsFree(port) && IsFree(port + 10_000) && IsFree(port + 20_000))
            {
                return port;
            }
        }
        throw new InvalidOperationException("no free loopback port for a RabbitMQ node in 15000–25000");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
