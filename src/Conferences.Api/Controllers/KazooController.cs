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
public abstract class AccountController : KazooController;
