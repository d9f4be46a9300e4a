namespace Conferences.Api.Tests.Dial;

/// <summary>
/// Dial with nobody to take it (<c>MediaServer:Simulator=false</c>; <c>cb_conferences:exec_dial_endpoints/4</c>): no media manager
/// known in the zone → "failed to find a media server" at once; a known manager that never answers → "timed out".
/// </summary>
public sealed class DialWithoutMediaServerTests(NoMediaServerApiFactory api) : IClassFixture<NoMediaServerApiFactory>
{
    [Fact]
    public async Task Without_a_media_manager_the_dial_fails_to_find_a_media_server_at_once()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.DialAsync($"room-{Guid.NewGuid():N}", DialRequests.Endpoints("sip:alice@example.com"));

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"status":"error","message":"conference dial failed to find a media server"}"""), answer.Data), answer.Body);
    }

    [Fact]
    public async Task A_media_manager_that_never_answers_makes_the_dial_time_out()
    {
        // a host of its own: the manager announced here must not be seen by the other test
        await using var silentHost = new NoMediaServerApiFactory();
        var account = await silentHost.NewAccountAsync();
        // a manager that heartbeats but takes no dial: the dial waits timeout × endpoints, then gives up
        var publisher = silentHost.Services.GetRequiredService<IKapiPublisher>();
        var directory = silentHost.Services.GetRequiredService<IMediaManagerDirectory>();
        var silent = new NodeAdvertisement($"ecallmgr@silent-{Guid.NewGuid():N}", TimeSpan.FromMinutes(5), [KapiNodes.EcallmgrApp], "local");
        await publisher.AdvertiseAsync(KapiNodes.Advertise(silent), CancellationToken.None);
        var deadline = DateTime.UtcNow + DialHost.Patience;
        while (!directory.Managers.Any(m => m.Node == silent.Node) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        var data = DialRequests.Endpoints("sip:alice@example.com");
        data["timeout"] = 1;

        var answer = await account.DialAsync($"room-{Guid.NewGuid():N}", data);

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"status":"error","message":"timed out trying to dial endpoints"}"""), answer.Data), answer.Body);
    }
}
