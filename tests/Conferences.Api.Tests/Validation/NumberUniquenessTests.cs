namespace Conferences.Api.Tests.Validation;

/// <summary>Numbers are unique among an account's conferences (<c>cb_conferences:validate_numbers/2</c>).</summary>
public abstract class NumberUniquenessTests(ApiFactory api)
{
    [Fact]
    public async Task Number_used_by_another_conference_is_400_numbers_unique_on_create()
    {
        var account = await api.NewAccountAsync();
        await account.CreateConferenceAsync(new JsonObject { ["conference_numbers"] = new JsonArray("5550100") });

        var answer = await account.PutAsync("conferences", new JsonObject { ["member"] = new JsonObject { ["numbers"] = new JsonArray("5550100", "5550101") } });

        var unique = answer.ExpectValidationError("numbers", "unique");
        Assert.Equal("Numbers already in use", unique["message"]!.GetValue<string>());
        Assert.Equal("5550100", unique["cause"]!.GetValue<string>());
        Assert.Single(await account.ListIdsAsync());
    }

    [Fact]
    public async Task Updating_a_conference_with_its_own_numbers_is_allowed()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync(new JsonObject { ["conference_numbers"] = new JsonArray("5550200") });

        var post = await account.PostAsync($"conferences/{id}", new JsonObject { ["conference_numbers"] = new JsonArray("5550200"), ["name"] = "same" });
        var patch = await account.PatchAsync($"conferences/{id}", new JsonObject { ["moderator"] = new JsonObject { ["numbers"] = new JsonArray("5550200") } });

        post.ExpectStatus(HttpStatusCode.OK);
        patch.ExpectStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Updating_to_a_number_of_another_conference_is_400()
    {
        var account = await api.NewAccountAsync();
        await account.CreateConferenceAsync(new JsonObject { ["conference_numbers"] = new JsonArray("5550300") });
        var other = await account.CreateConferenceIdAsync();

        var answer = await account.PatchAsync($"conferences/{other}", new JsonObject { ["conference_numbers"] = new JsonArray("5550300") });

        answer.ExpectValidationError("numbers", "unique");
    }

    [Fact]
    public async Task Numbers_of_a_deleted_conference_are_free_again()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync(new JsonObject { ["conference_numbers"] = new JsonArray("5550400") });
        (await account.DeleteAsync($"conferences/{id}")).ExpectStatus(HttpStatusCode.OK);

        var answer = await account.PutAsync("conferences", new JsonObject { ["conference_numbers"] = new JsonArray("5550400") });

        answer.ExpectStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Same_number_in_two_accounts_is_allowed()
    {
        var first = await api.NewAccountAsync();
        var second = await api.NewAccountAsync();
        await first.CreateConferenceAsync(new JsonObject { ["conference_numbers"] = new JsonArray("5550500") });

        var answer = await second.PutAsync("conferences", new JsonObject { ["conference_numbers"] = new JsonArray("5550500") });

        answer.ExpectStatus(HttpStatusCode.Created);
    }
}
