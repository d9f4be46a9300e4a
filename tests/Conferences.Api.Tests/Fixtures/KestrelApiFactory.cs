namespace Conferences.Api.Tests.Fixtures;

/// <summary>The service behind real Kestrel, for requests the in-memory test server refuses to send (e.g. <c>%00</c> in the path).</summary>
public sealed class KestrelApiFactory : ApiFactory
{
    public KestrelApiFactory() => ListenOnLoopback();
}
