using System.Text.Json.Nodes;
using Conferences.Core.Validation;

namespace Conferences.Fuzz;

/// <summary>
/// The store-side properties, checked through the front door: every stored conference of the account under test
/// re-validates against <c>schemas/conferences.json</c>, and the sibling account is exactly as it was.
/// </summary>
public sealed class FuzzStore(FuzzClient client, KazooSchemaValidator validator)
{
    /// <summary>Creates the accounts of a run under the master account (its API key) and their seed conferences.</summary>
    public static async Task<FuzzAccounts> CreateAccountsAsync(HttpClient http, string masterApiKey, TimeSpan perRequest)
    {
        var bootstrap = new FuzzClient(http, new FuzzAccounts(string.Empty, string.Empty, string.Empty, string.Empty), perRequest);
        var master = await AuthenticateAsync(bootstrap, masterApiKey).ConfigureAwait(false);
        var own = await ChildAsync(bootstrap, master, "fuzz").ConfigureAwait(false);
        var sibling = await ChildAsync(bootstrap, master, "fuzz sibling").ConfigureAwait(false);
        var accounts = new FuzzAccounts(own.Id, own.Token, sibling.Id, sibling.Token);
        foreach (var id in FuzzAccounts.SeedConferences)
        {
            await bootstrap.PutAsync($"/v2/accounts/{own.Id}/conferences", new JsonObject { ["data"] = new JsonObject { ["id"] = id, ["name"] = id } }, own.Token).ConfigureAwait(false);
        }
        await bootstrap.PutAsync($"/v2/accounts/{sibling.Id}/conferences", new JsonObject { ["data"] = new JsonObject { ["id"] = "c1", ["name"] = "sibling" } }, sibling.Token).ConfigureAwait(false);
        return accounts;
    }

    /// <summary>Everything a client can read of the sibling account, rendered; compare before and after a run.</summary>
    public async Task<string> SiblingSnapshotAsync()
    {
        var accounts = client.Accounts;
        var snapshot = new JsonObject
        {
            ["account"] = (await client.GetAsync($"/v2/accounts/{accounts.SiblingId}", accounts.SiblingToken).ConfigureAwait(false))?["data"]?.DeepClone(),
        };
        var list = await client.GetAsync($"/v2/accounts/{accounts.SiblingId}/conferences?paginate=false", accounts.SiblingToken).ConfigureAwait(false);
        var conferences = new JsonObject();
        foreach (var id in Ids(list))
        {
            var one = await client.GetAsync($"/v2/accounts/{accounts.SiblingId}/conferences/{Uri.EscapeDataString(id)}", accounts.SiblingToken).ConfigureAwait(false);
            conferences[id] = new JsonObject { ["data"] = one?["data"]?.DeepClone(), ["revision"] = one?["revision"]?.DeepClone() };
        }
        snapshot["conferences"] = conferences;
        return snapshot.ToJsonString();
    }

    /// <summary>Problems of every stored conference of the account under test (empty when all re-validate).</summary>
    public async Task<IReadOnlyList<string>> InvalidConferencesAsync()
    {
        var list = await client.GetAsync($"/v2/accounts/{client.Accounts.AccountId}/conferences?paginate=false").ConfigureAwait(false);
        if (list is null)
        {
            return ["the conference list of the account under test is not readable"];
        }
        var problems = new List<string>();
        foreach (var id in Ids(list))
        {
            if (await InvalidConferenceAsync(id).ConfigureAwait(false) is { } problem)
            {
                problems.Add(problem);
            }
        }
        return problems;
    }

    /// <summary>Why the stored conference <paramref name="id"/> does not re-validate, or null (also when it is not stored).</summary>
    public async Task<string?> InvalidConferenceAsync(string id)
    {
        var answer = await client.GetAsync($"/v2/accounts/{client.Accounts.AccountId}/conferences/{Uri.EscapeDataString(id)}").ConfigureAwait(false);
        if (answer?["data"] is not JsonObject data || answer["revision"] is null)
        {
            return null;
        }
        var stored = (JsonObject)data.DeepClone();
        stored.Remove("_read_only");
        stored.Remove("id");
        var result = validator.Validate("conferences", stored);
        return result.IsValid ? null : $"stored conference {id} does not re-validate: {result.Errors.ToJsonString()} in {data.ToJsonString()}";
    }

    private static IEnumerable<string> Ids(JsonObject? list) =>
        (list?["data"] as JsonArray ?? []).Select(item => item?["id"]?.GetValue<string>()).OfType<string>();

    private static async Task<(string Id, string Token)> AuthenticateAsync(FuzzClient client, string apiKey)
    {
        var answer = await client.PutAsync("/v2/api_auth", new JsonObject { ["data"] = new JsonObject { ["api_key"] = apiKey } }, null).ConfigureAwait(false)
            ?? throw new InvalidOperationException("api_auth did not answer an envelope");
        return (answer["data"]?["account_id"]?.GetValue<string>() ?? throw new InvalidOperationException($"api_auth refused: {answer.ToJsonString()}"),
            answer["auth_token"]!.GetValue<string>());
    }

    private static async Task<(string Id, string Token)> ChildAsync(FuzzClient client, (string Id, string Token) parent, string name)
    {
        var created = await client.PutAsync($"/v2/accounts/{parent.Id}", new JsonObject { ["data"] = new JsonObject { ["name"] = $"{name} {Guid.NewGuid():N}" } }, parent.Token).ConfigureAwait(false);
        var id = created?["data"]?["id"]?.GetValue<string>() ?? throw new InvalidOperationException($"child account not created: {created?.ToJsonString()}");
        var key = await client.GetAsync($"/v2/accounts/{id}/api_key", parent.Token).ConfigureAwait(false);
        return await AuthenticateAsync(client, key!["data"]!["api_key"]!.GetValue<string>()).ConfigureAwait(false);
    }
}
