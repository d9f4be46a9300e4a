using Conferences.Core.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Conferences.Api.Controllers;

/// <summary>
/// Crossbar's routing answers (kazoo-reference §1.1, §1.2 step 3): a known path with a verb it does not allow
/// → 405 <c>invalid_method</c>; any other <c>/v2</c> path → 404 <c>not_found</c>. These routes have a high
/// <c>Order</c>, so they only win when no real action matches; they run before any account or token check.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class RoutingController : ControllerBase
{
    private const int MethodFallback = 1000;
    private const int PathFallback = 2000;

    [Route("v2/accounts/{account_id}/conferences", Order = MethodFallback)]
    [Route("v2/accounts/{account_id}/conferences/{conference_id}", Order = MethodFallback)]
    [Route("v2/accounts/{account_id}/conferences/{conference_id}/participants", Order = MethodFallback)]
    [Route("v2/accounts/{account_id}/conferences/{conference_id}/participants/{participant_id}", Order = MethodFallback)]
    [Route("v2/accounts/{account_id}", Order = MethodFallback)]
    [Route("v2/accounts/{account_id}/api_key", Order = MethodFallback)]
    [Route("v2/api_auth", Order = MethodFallback)]
    [Route("v2/user_auth", Order = MethodFallback)]
    [Route("v2/auth/tokeninfo", Order = MethodFallback)]
    public IActionResult MethodNotAllowed() => throw KazooErrors.InvalidMethod();

    [Route("v2", Order = PathFallback)]
    [Route("v2/{**path}", Order = PathFallback)]
    public IActionResult UnknownPath() => throw KazooErrors.NotFound();
}
