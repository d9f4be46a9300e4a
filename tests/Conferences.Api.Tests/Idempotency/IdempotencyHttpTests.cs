using static Conferences.Api.Tests.Idempotency.IdempotencyRequests;

namespace Conferences.Api.Tests.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on the acting PUTs, on the embedded store and bus (docs/compatibility.md, "Actions a script
/// can trust"): a retry is answered the first answer without acting again; a new request under an old key, or a
/// duplicate still running, is refused.
/// </summary>
public sealed class IdempotencyHttpTests(DialApiFactory api) : IClassFixture<DialApiFactory>
{
    [Fact]
    public async Task The_same_key_twice_sends_one_command_and_replays_the_first_answer()
    {
        var account = await api.NewAccountAsync();
        var id = await account.CreateConferenceIdAsync();
        await using var bus = await CommandCounter.ListenAsync(api, id);
        var key = NewKey();

        var first = await account.ConferenceActionAsync(id, "lock", key);
        var again = await account.ConferenceActionAsync(id, "lock", key);
        await account.ConferenceActionAsync(id, "unlock", key: null);

        first.ExpectStatus(HttpStatusCode.Created);
        Assert.Null(first.Header("Idempotent-Replayed"));
        again.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal("true", again.Header("Idempotent-Replayed"));
        Assert.Equal(first.Body, again.Body);
        Assert.Equal(first.Header("Location"), again.Header("Location"));
        Assert.Equal(["lock"], await bus.UntilAsync("unlock"));
    }

    [Fact]
    public async Task The_same_key_for_a_different_request_is_422_and_does_nothing()
    {
        var account = await api.NewAccountAsync();
        var id = await account.CreateConferenceIdAsync();
        await using var bus = await CommandCounter.ListenAsync(api, id);
        var key = NewKey();

        (await account.ConferenceActionAsync(id, "play", key, new JsonObject { ["media_id"] = "a" })).ExpectStatus(HttpStatusCode.Created);
        var other = await account.ConferenceActionAsync(id, "play", key, new JsonObject { ["media_id"] = "b" });
        await account.ConferenceActionAsync(id, "unlock", key: null);

        other.ExpectError(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal(["play"], await bus.UntilAsync("unlock"));
    }

    [Fact]
    public async Task Concurrent_duplicates_run_once_and_the_others_are_replayed_or_refused_as_in_progress()
    {
        var account = await api.NewAccountAsync();
        var id = await account.CreateConferenceIdAsync();
        await using var bus = await CommandCounter.ListenAsync(api, id);
        var key = NewKey();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => account.ConferenceActionAsync(id, "lock", key)));
        await account.ConferenceActionAsync(id, "unlock", key: null);

        Assert.All(answers, a => Assert.Contains(a.Status, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Single(answers, a => a.Status == HttpStatusCode.Created && a.Header("Idempotent-Replayed") is null);
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.Conflict), a => a.ExpectError(HttpStatusCode.Conflict, "idempotency_key_in_progress"));
        Assert.Equal(["lock"], await bus.UntilAsync("unlock"));
    }

    [Fact]
    public async Task An_error_answer_releases_the_key_so_the_retry_runs()
    {
        var account = await api.NewAccountAsync();
        var id = $"later-{Guid.NewGuid():N}";
        var key = NewKey();

        var early = await account.SendAsync(HttpMethod.Put, "conferences", Body.Data(new JsonObject { ["id"] = id, ["name"] = 5 }), WithKey(key));
        var fixedBody = await account.SendAsync(HttpMethod.Put, "conferences", Body.Data(new JsonObject { ["id"] = id, ["name"] = "Five" }), WithKey(key));
        var retried = await account.SendAsync(HttpMethod.Put, "conferences", Body.Data(new JsonObject { ["id"] = id, ["name"] = "Five" }), WithKey(key));

        early.ExpectError(HttpStatusCode.BadRequest, "validation error");
        fixedBody.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal(fixedBody.Body, retried.ExpectStatus(HttpStatusCode.Created).Body);
        Assert.Single(await account.ListIdsAsync(), i => i == id);
    }

    [Fact]
    public async Task A_request_refused_before_it_acts_gives_its_key_back()
    {
        var account = await api.NewAccountAsync();
        var key = NewKey();
        const string body = """{"data":{"name":"Typed"}}""";

        // the claim starts after routing; the account check's 415 comes before the action, which never runs
        var refused = await account.SendAsync(HttpMethod.Put, "conferences", Body.Raw(body, "text/plain"), WithKey(key));
        var retried = await account.SendAsync(HttpMethod.Put, "conferences", Body.Raw(body, "application/json"), WithKey(key));

        refused.ExpectError(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        retried.ExpectStatus(HttpStatusCode.Created);
        Assert.Null(retried.Header("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Creating_a_conference_or_an_account_twice_under_a_key_creates_one()
    {
        var account = await api.NewAccountAsync();
        var (conferenceKey, accountKey) = (NewKey(), NewKey());
        var child = new JsonObject { ["name"] = $"child {Guid.NewGuid():N}" };

        var conferences = new[]
        {
            await account.SendAsync(HttpMethod.Put, "conferences", Body.Data(new JsonObject { ["name"] = "Once" }), WithKey(conferenceKey)),
            await account.SendAsync(HttpMethod.Put, "conferences", Body.Data(new JsonObject { ["name"] = "Once" }), WithKey(conferenceKey)),
        };
        var accounts = new[]
        {
            await account.SendAsync(HttpMethod.Put, $"/v2/accounts/{account.Id}", Body.Data(child), WithKey(accountKey)),
            await account.SendAsync(HttpMethod.Put, $"/v2/accounts/{account.Id}", Body.Data(child), WithKey(accountKey)),
        };

        Assert.Equal(conferences[0].ExpectStatus(HttpStatusCode.Created).DataObject["id"]!.ToString(), conferences[1].ExpectStatus(HttpStatusCode.Created).DataObject["id"]!.ToString());
        Assert.Single(await account.ListIdsAsync());
        Assert.Equal(accounts[0].ExpectStatus(HttpStatusCode.Created).Body, accounts[1].Body);
        Assert.Equal("true", accounts[1].Header("Idempotent-Replayed"));
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("tab\tinside")]
    public async Task A_bad_key_is_400_and_nothing_is_done(string key)
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Data(new JsonObject { ["name"] = "Never" }), WithKey(key));

        answer.ExpectValidationError("Idempotency-Key", "pattern");
        Assert.Empty(await account.ListIdsAsync());
    }

    [Fact]
    public async Task A_key_too_long_is_400()
    {
        var account = await api.NewAccountAsync();

        var answer = await account.SendAsync(HttpMethod.Put, "conferences", Body.Data(new JsonObject()), WithKey(new string('k', 256)));

        answer.ExpectValidationError("Idempotency-Key", "pattern");
    }
}
