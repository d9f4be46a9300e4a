namespace Conferences.Api.Tests.Fixtures;

/// <summary>The service with <c>Storage:Provider=couchdb</c> against the test server of <c>CONFERENCES_TEST_COUCHDB</c>.</summary>
public class CouchDbApiFactory : ApiFactory
{
    public CouchDbApiFactory() => Settings.CouchDb();
}
