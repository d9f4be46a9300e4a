using static Conferences.Api.Tests.Idempotency.IdempotencyRequests;

namespace Conferences.Api.Tests.Idempotency;

/// <summary>A key whose retention is over may be used again: the request runs again (<c>Idempotency:Retention</c>).</summary>
public sealed class IdempotencyExpiryTests(IdempotencyExpiryTests.ShortRetention api) : IClassFixture<IdempotencyExpiryTests.ShortRetention>
{
    [Fact]
    public async Task After_expiry_the_same_key_runs_again()
    {
        var account = await api.NewAccountAsync();
        var key = NewKey();

        var first = await account.SendAsync(HttpMethod.Put, "conferences", Body.Data(new JsonObject { ["name"] = "Twice" }), WithKey(key));
        var replayed = await account.SendAsync(HttpMethod.Put, "conferences", Body.Data(new JsonObject { ["name"] = "Twice" }), WithKey(key));
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var again = await account.SendAsync(HttpMethod.Put, "conferences", Body.Data(new JsonObject { ["name"] = "Twice" }), WithKey(key));

        Assert.Equal("true", replayed.ExpectStatus(HttpStatusCode.Created).Header("Idempotent-Replayed"));
        Assert.Null(again.ExpectStatus(HttpStatusCode.Created).Header("Idempotent-Replayed"));
        Assert.NotEqual(first.DataObject["id"]!.ToString(), again.DataObject["id"]!.ToString());
        Assert.Equal(2, (await account.ListIdsAsync()).Count);
    }

    public sealed class ShortRetention : ApiFactory
    {
        public ShortRetention() => Settings.Set("Idempotency:Retention", "00:00:01");
    }
}
