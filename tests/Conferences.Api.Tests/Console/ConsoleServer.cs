namespace Conferences.Api.Tests.Console;

/// <summary>
/// The whole service on real Kestrel (a browser cannot reach the in-memory test server) on a free loopback port, with
/// the built-in simulator answering dials quickly.
/// </summary>
public class ConsoleServer : ApiFactory
{
    public ConsoleServer()
    {
        ListenOnLoopback();
        Settings.Simulator(true).FastSimulator();
    }

    /// <summary>The console's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public string ConsoleUrl => Address.ToString().TrimEnd('/') + "/";
}

/// <summary>A server that closes every websocket after 2 s without a frame from its client, so the console's socket is dropped by the server again and again.</summary>
public sealed class DroppingConsoleServer : ConsoleServer
{
    public DroppingConsoleServer() => Settings.Set("Websocket:IdleTimeout", "00:00:02");
}
