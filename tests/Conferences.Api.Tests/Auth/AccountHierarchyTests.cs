namespace Conferences.Api.Tests.Auth;

/// <summary>Child accounts and <c>cb_simple_authz</c>: own account and descendants only (<c>cb_simple_authz:authorize/1</c>).</summary>
public abstract class AccountHierarchyTests(ApiFactory api)
{
    [Fact]
    public async Task Creating_a_child_account_is_201_with_its_id_and_a_location()
    {
        var master = await api.MasterAsync();

        var answer = await master.PutAsync($"/v2/accounts/{master.Id}", new JsonObject { ["name"] = "Customer" });

        answer.ExpectStatus(HttpStatusCode.Created);
        var id = answer.DataObject["id"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal("Customer", answer.DataObject["name"]!.GetValue<string>());
        Assert.Equal($"/v2/accounts/{id}", answer.Header("Location"));
    }

    [Fact]
    public async Task Account_can_be_read_and_shows_no_private_fields()
    {
        var account = await api.NewAccountAsync(name: "Readable");

        var answer = (await account.GetAsync($"/v2/accounts/{account.Id}")).ExpectStatus(HttpStatusCode.OK);

        Assert.Equal(account.Id, answer.DataObject["id"]!.GetValue<string>());
        Assert.Equal("Readable", answer.DataObject["name"]!.GetValue<string>());
        Assert.DoesNotContain(answer.DataObject, p => p.Key.StartsWith("pvt_", StringComparison.Ordinal) || p.Key.StartsWith('_'));
    }

    [Fact]
    public async Task Api_key_of_an_account_is_readable_by_the_account()
    {
        var account = await api.NewAccountAsync();

        var answer = (await account.GetAsync($"/v2/accounts/{account.Id}/api_key")).ExpectStatus(HttpStatusCode.OK);

        Assert.Equal(account.ApiKey, answer.DataObject["api_key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Account_without_a_name_is_not_created()
    {
        var master = await api.MasterAsync();

        var answer = await master.PutAsync($"/v2/accounts/{master.Id}", new JsonObject());

        answer.ExpectValidationError("name", "required");
    }

    [Fact]
    public async Task Parent_can_use_the_conferences_of_its_child()
    {
        var (parent, child) = await ParentAndChildAsync();
        var id = await child.CreateConferenceIdAsync();

        var answer = await parent.GetAsync($"/v2/accounts/{child.Id}/conferences/{id}");

        answer.ExpectStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Grandparent_can_use_the_conferences_of_its_grandchild()
    {
        var grandparent = await api.NewAccountAsync();
        var parent = await api.NewAccountAsync(grandparent);
        var child = await api.NewAccountAsync(parent);

        var answer = await grandparent.PutAsync($"/v2/accounts/{child.Id}/conferences", new JsonObject());

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Single(await child.ListIdsAsync());
    }

    [Fact]
    public async Task Child_cannot_access_its_parent()
    {
        var (parent, child) = await ParentAndChildAsync();

        var answer = await child.GetAsync($"/v2/accounts/{parent.Id}/conferences");

        answer.ExpectError(HttpStatusCode.Forbidden, "forbidden")
            .ExpectData("message", "forbidden");
    }

    [Fact]
    public async Task Child_cannot_access_a_sibling()
    {
        var (parent, child) = await ParentAndChildAsync();
        var sibling = await api.NewAccountAsync(parent);

        var read = await child.GetAsync($"/v2/accounts/{sibling.Id}/conferences");
        var write = await child.PutAsync($"/v2/accounts/{sibling.Id}/conferences", new JsonObject());

        read.ExpectError(HttpStatusCode.Forbidden, "forbidden");
        write.ExpectError(HttpStatusCode.Forbidden, "forbidden");
        Assert.Empty(await sibling.ListIdsAsync());
    }

    [Fact]
    public async Task Child_cannot_read_the_api_key_of_its_parent()
    {
        var (parent, child) = await ParentAndChildAsync();

        var answer = await child.GetAsync($"/v2/accounts/{parent.Id}/api_key");

        answer.ExpectError(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Children_lists_the_direct_children_by_name_and_no_grandchild()
    {
        var parent = await api.NewAccountAsync(name: "Parent");
        var zulu = await api.NewAccountAsync(parent, name: "Zulu branch");
        var alpha = await api.NewAccountAsync(parent, name: "alpha branch");
        await api.NewAccountAsync(zulu, name: "Grandchild");

        var answer = (await parent.GetAsync($"/v2/accounts/{parent.Id}/children")).ExpectStatus(HttpStatusCode.OK);

        var children = answer.Data!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Equal([alpha.Id, zulu.Id], children.Select(c => c["id"]!.GetValue<string>()));
        Assert.Equal(["alpha branch", "Zulu branch"], children.Select(c => c["name"]!.GetValue<string>()));
        Assert.All(children, c => Assert.Equal(0, c["descendants_count"]!.GetValue<long>()));
        Assert.All(children, c => Assert.Empty(c["flags"]!.AsArray()));
        Assert.All(children, c => Assert.NotNull(c["realm"]));
        var ofChild = (await parent.GetAsync($"/v2/accounts/{zulu.Id}/children")).ExpectStatus(HttpStatusCode.OK);
        Assert.Equal("Grandchild", ofChild.Data!.AsArray().Single()!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Children_of_another_tree_are_forbidden_and_a_leaf_has_none()
    {
        var leaf = await api.NewAccountAsync();
        var stranger = await api.NewAccountAsync();

        var own = (await leaf.GetAsync($"/v2/accounts/{leaf.Id}/children")).ExpectStatus(HttpStatusCode.OK);
        var foreign = await stranger.GetAsync($"/v2/accounts/{leaf.Id}/children");

        Assert.Empty(own.Data!.AsArray());
        foreign.ExpectError(HttpStatusCode.Forbidden, "forbidden");
    }

    private async Task<(TestAccount Parent, TestAccount Child)> ParentAndChildAsync()
    {
        var parent = await api.NewAccountAsync();
        return (parent, await api.NewAccountAsync(parent));
    }
}

/// <summary>Accounts on the embedded store.</summary>
public sealed class AccountHierarchyTestsOnSqlite(ApiFactory api) : AccountHierarchyTests(api), IClassFixture<ApiFactory>;

/// <summary>Accounts with <c>Storage:Provider=couchdb</c> (the <c>accounts</c> design document in CouchDB).</summary>
public sealed class AccountHierarchyTestsOnCouchDb(CouchDbApiFactory api) : AccountHierarchyTests(api), IClassFixture<CouchDbApiFactory>;
