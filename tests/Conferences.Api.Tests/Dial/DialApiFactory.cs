namespace Conferences.Api.Tests.Dial;

/// <summary>The embedded default (in-process bus, built-in simulator) with the simulator's clock scaled down.</summary>
public sealed class DialApiFactory : ApiFactory
{
    public DialApiFactory() => Settings.FastSimulator();
}

/// <summary><see cref="DialApiFactory"/> with <c>Storage:Provider=couchdb</c> against the test CouchDB server.</summary>
public sealed class CouchDbDialApiFactory : ApiFactory
{
    public CouchDbDialApiFactory() => Settings.CouchDb().FastSimulator();
}
