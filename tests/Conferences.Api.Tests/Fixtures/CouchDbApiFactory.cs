using Microsoft.AspNetCore.Hosting;

namespace Conferences.Api.Tests.Fixtures;

/// <summary>
/// The service with <c>Storage:Provider=couchdb</c> against the CouchDB-protocol server that <c>./build.sh test</c>
/// starts and names in <c>CONFERENCES_TEST_COUCHDB</c>.
/// </summary>
public class CouchDbApiFactory : ApiFactory
{
    public const string ServerVariable = "CONFERENCES_TEST_COUCHDB";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrEmpty(server))
        {
            throw new InvalidOperationException(
                $"{ServerVariable} is not set: run the tests with ./build.sh test, or start one with tools/couchdb-test-server.sh start 15984 and export {ServerVariable}=http://127.0.0.1:15984");
        }
        builder.UseSetting("Storage:Provider", "couchdb");
        builder.UseSetting("ConnectionStrings:CouchDb", server);
    }
}
