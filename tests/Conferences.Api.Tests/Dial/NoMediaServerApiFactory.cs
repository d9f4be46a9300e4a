namespace Conferences.Api.Tests.Dial;

/// <summary>The embedded default without the simulator (<c>MediaServer:Simulator=false</c>): nothing takes a dial.</summary>
public sealed class NoMediaServerApiFactory : ApiFactory
{
    public NoMediaServerApiFactory() => Settings.Simulator(false);
}
