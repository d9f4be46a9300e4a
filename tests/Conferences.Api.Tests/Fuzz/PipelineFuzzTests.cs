using Conferences.Core.Validation;
using Conferences.Fuzz;
using CsCheck;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Conferences.Api.Tests.Fuzz;

/// <summary>
/// Seeded, property-based requests over every route and verb through the whole pipeline (docs/compatibility.md D9): never a 5xx,
/// never a hang, every <c>/v2</c> answer a Kazoo envelope in <c>application/json</c>, every stored conference valid
/// against <c>schemas/conferences.json</c>, a sibling account never changed. A failing case is shrunk by CsCheck and
/// printed as the smallest request that still fails. <c>CONFERENCES_FUZZ_SEED</c> and <c>CONFERENCES_FUZZ_CASES</c>
/// replay (or, with <c>random</c>, vary) and lengthen a run; <c>tools/fuzz</c> runs the same generators against a running service.
/// </summary>
public sealed class PipelineFuzzTests(DialApiFactory api) : IClassFixture<DialApiFactory>
{
    private static readonly TimeSpan PerRequest = TimeSpan.FromSeconds(10);

    /// <summary>Fixed, so that CI runs the same cases every time; <c>random</c> lets CsCheck choose (it prints the seed of a failure).</summary>
    private static readonly string? Seed = Environment.GetEnvironmentVariable("CONFERENCES_FUZZ_SEED") switch
    {
        null or "" => new PCG(15, 20261207).ToString(),
        "random" => null,
        var given => given,
    };

    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("CONFERENCES_FUZZ_CASES"), out var cases) ? cases : 3000;

    [Fact]
    public async Task Generated_requests_keep_every_promise_of_the_pipeline()
    {
        using var http = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var accounts = await FuzzStore.CreateAccountsAsync(http, ApiFactory.MasterApiKey, PerRequest);
        var client = new FuzzClient(http, accounts, PerRequest);
        var store = new FuzzStore(client, KazooSchemaValidator.LoadEmbedded());
        var sibling = await store.SiblingSnapshotAsync();

        await FuzzGenerators.Request.SampleAsync(
            async request =>
            {
                var outcome = await client.SendAsync(request);
                Assert.True(outcome.Problems.Count == 0, string.Join("; ", outcome.Problems));
                if (StoredId(request, outcome) is { } id)
                {
                    Assert.Null(await store.InvalidConferenceAsync(id));
                }
            },
            seed: Seed,
            iter: Cases,
            threads: 4,
            print: request => request.ToString());

        Assert.Empty(await store.InvalidConferencesAsync());
        Assert.Equal(sibling, await store.SiblingSnapshotAsync());
    }

    /// <summary>The conference a successful write of the account under test stored (its answer names it).</summary>
    private static string? StoredId(FuzzRequest request, FuzzOutcome outcome) =>
        outcome.Status is { } status && (int)status is >= 200 and < 300
        && request.Path.StartsWith("/v2/accounts/{a}/conferences", StringComparison.Ordinal)
        && FuzzOutcome.IsEnvelope(outcome.Body) && JsonNode.Parse(outcome.Body) is JsonObject { } envelope && envelope["data"] is JsonObject data
        && data["id"] is JsonValue id && id.TryGetValue<string>(out var value)
            ? value
            : null;
}
