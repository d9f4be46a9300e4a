namespace Conferences.Api.Tests.Crud;

/// <summary>The conference GETs answer from what they rendered while the store has not changed (docs/operations.md,
/// "Caches"): a write through any instance over the same store is seen by the next read, and a kept answer is the bytes
/// a fresh rendering gives. One variant per store.</summary>
public abstract class ReadCacheTests
{
    /// <summary>An instance of the service over the variant's shared store.</summary>
    protected abstract ApiFactory NewInstance();

    /// <summary>How long another instance's write may go unseen, with room for a loaded machine.</summary>
    protected abstract TimeSpan Bound { get; }

    [Fact]
    public async Task A_write_through_this_instance_is_seen_by_its_next_read()
    {
        await using var api = NewInstance();
        var (account, id) = await api.NewAccountWithConferenceAsync(new JsonObject { ["name"] = "Before" });
        var etag = (await account.GetAsync($"conferences/{id}")).ExpectStatus(HttpStatusCode.OK).Header("ETag")!;
        Assert.Equal("Before", (await account.ListAsync()).DataArray.Single()!["name"]!.GetValue<string>());
        (await account.GetAsync($"conferences/{id}", r => r.Headers.TryAddWithoutValidation("If-None-Match", etag))).ExpectStatus(HttpStatusCode.NotModified);

        (await account.PatchAsync($"conferences/{id}", new JsonObject { ["name"] = "After" })).ExpectStatus(HttpStatusCode.OK);

        var changed = (await account.GetAsync($"conferences/{id}", r => r.Headers.TryAddWithoutValidation("If-None-Match", etag))).ExpectStatus(HttpStatusCode.OK);
        Assert.Equal("After", changed.DataObject["name"]!.GetValue<string>());
        Assert.NotEqual(etag, changed.Header("ETag"));
        Assert.Equal("After", (await account.ListAsync()).DataArray.Single()!["name"]!.GetValue<string>());
        (await account.DeleteAsync($"conferences/{id}")).ExpectStatus(HttpStatusCode.OK);
        (await account.GetAsync($"conferences/{id}")).ExpectError(HttpStatusCode.NotFound, "bad_identifier");
        Assert.Empty((await account.ListAsync()).DataArray);
    }

    [Fact]
    public async Task A_write_through_another_instance_is_seen_within_the_bound()
    {
        await using var first = NewInstance();
        await using var second = NewInstance();
        var here = await first.NewAccountAsync();
        var there = await second.AuthenticateAsync(here.ApiKey);
        var id = await here.CreateConferenceIdAsync(new JsonObject { ["name"] = "Before" });
        Assert.Equal("Before", (await here.GetAsync($"conferences/{id}")).DataObject["name"]!.GetValue<string>());
        Assert.Equal("Before", (await here.ListAsync()).DataArray.Single()!["name"]!.GetValue<string>());

        (await there.PatchAsync($"conferences/{id}", new JsonObject { ["name"] = "After" })).ExpectStatus(HttpStatusCode.OK);

        await SeenAsync(async () => (await here.GetAsync($"conferences/{id}")).DataObject["name"]!.GetValue<string>() == "After");
        await SeenAsync(async () => (await here.ListAsync()).DataArray.Single()!["name"]!.GetValue<string>() == "After");
        (await there.DeleteAsync($"conferences/{id}")).ExpectStatus(HttpStatusCode.OK);
        await SeenAsync(async () => (await here.GetAsync($"conferences/{id}")).Status == HttpStatusCode.NotFound);
        await SeenAsync(async () => (await here.ListAsync()).DataArray.Count == 0);
    }

    [Fact]
    public async Task A_kept_answer_is_the_bytes_a_fresh_rendering_gives()
    {
        await using var api = NewInstance();
        var (account, id) = await api.NewAccountWithConferenceAsync(new JsonObject
        {
            ["name"] = "Zürich 会議 \"quoted\" <b>",
            ["conference_numbers"] = new JsonArray("5550100"),
            ["member"] = new JsonObject { ["pins"] = new JsonArray("1234"), ["join_muted"] = true },
        });
        await account.CreateConferenceIdAsync(new JsonObject { ["name"] = "Second" });

        var rendered = await account.GetAsync($"conferences/{id}");
        var kept = await account.GetAsync($"conferences/{id}");
        // an indented answer is rendered from the document every time
        var pretty = await account.GetAsync($"conferences/{id}", r => r.Headers.Add("X-Pretty-Print", "true"));
        var list = await account.ListAsync();
        var keptList = await account.ListAsync();

        Assert.Equal(Data(rendered), Data(kept));
        Assert.Equal(pretty.Data!.ToJsonString(), Data(kept));
        Assert.Equal(rendered.Json!["metadata"]!.ToJsonString(), kept.Json!["metadata"]!.ToJsonString());
        Assert.Equal(Data(list), Data(keptList));
        Assert.Equal(list.Data!.ToJsonString(), Data(keptList));
        Assert.Equal(list.Json!["revision"]!.GetValue<string>(), keptList.Json!["revision"]!.GetValue<string>());
    }

    protected async Task SeenAsync(Func<Task<bool>> seen)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!await seen())
        {
            Assert.True(DateTime.UtcNow < deadline, $"another instance's write was not seen within {Bound.TotalSeconds} s");
            await Task.Delay(10);
        }
    }

    // the data bytes as answered: the envelope starts with them and goes on with its status
    private static string Data(Answer answer)
    {
        const string Start = "{\"data\":";
        Assert.StartsWith(Start, answer.Body, StringComparison.Ordinal);
        return answer.Body[Start.Length..answer.Body.IndexOf(",\"status\":\"success\"", StringComparison.Ordinal)];
    }
}
