namespace Conferences.Api.Controllers;

/// <summary>What every <c>/v2</c> controller shares: the envelope content type and the request the middleware
/// parsed.</summary>
[Produces(EnvelopeWriter.JsonContentType)]
public abstract class KazooController : ControllerBase
{
    /// <summary>The envelope and credentials as <see cref="CrossbarRequestMiddleware"/> read them.</summary>
    protected CrossbarRequest RequestEnvelope => HttpContext.GetCrossbarRequest()!;

    /// <summary>The authenticated request below <c>/v2/accounts/{account_id}</c> (set by <see cref="CrossbarAccountFilter"/>).</summary>
    protected CrossbarContext Crossbar => HttpContext.GetCrossbarContext();
}

/// <summary>A controller below <c>/v2/accounts/{account_id}</c>: the account is checked before any action runs.</summary>
[CrossbarAccount]
public abstract class AccountController : KazooController
{
    /// <summary>201 with a document just created in this account and its <c>Location</c> in <paramref name="collection"/>.</summary>
    protected CrossbarResult CreatedIn(string collection, DocumentResult created)
    {
        var id = created.Data["id"]!.GetValue<string>();
        return Responses.Created(created.Data, created.Revision, $"/v2/accounts/{Crossbar.AccountId}/{collection}/{Uri.EscapeDataString(id)}");
    }
}
