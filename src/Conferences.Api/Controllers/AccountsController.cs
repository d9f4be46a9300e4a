namespace Conferences.Api.Controllers;

/// <summary>The part of Kazoo's accounts API this service needs (<c>cb_accounts</c>; docs/crossbar.md).</summary>
[Route("v2/accounts/{account_id}")]
[Tags(OpenApi.KazooDocumentFilter.AccountsTag)]
public sealed class AccountsController(AccountService accounts) : AccountController
{
    [HttpGet("")]
    [EndpointSummary("Read an account")]
    public async Task<IActionResult> GetAccount(CancellationToken ct)
    {
        var context = Crossbar;
        var account = await accounts.FindAsync(context.AccountId, ct) ?? throw KazooErrors.BadIdentifier(context.AccountId);
        return Responses.Ok(KazooDocument.PublicView(account), KazooJson.GetString(account, KazooFields.Rev), etag: true);
    }

    /// <summary>PUT on an account creates a child of it → 201 with the new account (<c>data.id</c>).</summary>
    [Idempotent]
    [HttpPut("")]
    [EndpointSummary("Create a child account")]
    public async Task<IActionResult> CreateChildAccount(CancellationToken ct)
    {
        var created = await accounts.CreateChildAsync(Crossbar, ct);
        var id = KazooJson.GetString(created, KazooFields.Id)!;
        return Responses.Created(KazooDocument.PublicView(created), null, $"/v2/accounts/{id}");
    }

    [HttpGet("api_key")]
    [EndpointSummary("Read an account's API key")]
    public async Task<IActionResult> GetAccountApiKey(CancellationToken ct)
    {
        var context = Crossbar;
        var account = await accounts.FindAsync(context.AccountId, ct) ?? throw KazooErrors.BadIdentifier(context.AccountId);
        return Responses.Ok(new JsonObject { ["api_key"] = KazooJson.GetString(account, KazooFields.ApiKey) });
    }

    /// <summary>The account's direct children: <c>id</c>, <c>name</c>, <c>realm</c>, <c>descendants_count</c>, <c>flags</c>.</summary>
    [HttpGet("children")]
    [EndpointSummary("List an account's child accounts")]
    public async Task<IActionResult> ListChildAccounts(CancellationToken ct) =>
        Responses.Ok(await accounts.ListChildrenAsync(Crossbar.AccountId, ct));
}
