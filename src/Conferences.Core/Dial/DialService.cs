using System.Text.Json.Nodes;
using Conferences.Core.Accounts;
using Conferences.Core.Crossbar;
using Conferences.Core.Errors;
using Conferences.Core.Kapi;
using Conferences.Core.Kazoo;
using Conferences.Core.Messaging;
using Conferences.Core.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conferences.Core.Dial;

/// <summary>
/// The conference <c>dial</c> action (kazoo-reference §1.8, <c>cb_conferences.erl</c> <c>dial/3</c>): find the dial
/// data, validate it against <c>conferences.dial</c>, resolve the endpoints, send the kapi <c>dial</c> to the zone's
/// media managers and answer with their <c>dial_resp</c>. Any conference id works: the media manager starts the
/// conference when it is not running (profile D2).
/// </summary>
public sealed partial class DialService(
    DialDocuments documents,
    AccountService accounts,
    KazooSchemaValidator validator,
    IKapiRequester requester,
    IMediaManagerDirectory mediaManagers,
    IOptions<DialOptions> options,
    ILogger<DialService> logger)
{
    public const string SchemaName = "conferences.dial";

    private readonly DialEndpointResolver resolver = new(documents);

    /// <summary>
    /// Dials into <paramref name="conferenceId"/>; <paramref name="conference"/> is the stored or synthesised
    /// conference document, whose <c>name</c> is the caller id name fallback.
    /// </summary>
    /// <returns>the answer's <c>data</c> (endpoint responses, or a timeout / no-media-server error object).</returns>
    /// <exception cref="CrossbarException">400 for missing or invalid dial data or endpoints.</exception>
    /// <exception cref="BusUnavailableException">the bus is down (503).</exception>
    public async Task<JsonObject> DialAsync(CrossbarContext context, string conferenceId, JsonObject conference, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(conference);
        var dialData = ValidDialData(context);
        var account = await accounts.FindAsync(context.AccountId, ct).ConfigureAwait(false);
        var call = new DialCall(
            context.AccountId,
            account is null ? null : DeviceEndpointBuilder.NonEmpty(account["realm"]),
            conferenceId,
            DeviceEndpointBuilder.NonEmpty(dialData["caller_id_name"]) ?? DeviceEndpointBuilder.NonEmpty(conference["name"]),
            DeviceEndpointBuilder.NonEmpty(dialData["caller_id_number"]));

        var resolved = await resolver.ResolveAsync(call, dialData["endpoints"] as JsonArray ?? [], ct).ConfigureAwait(false);
        if (resolved.Endpoints.Count == 0)
        {
            DialEndpointErrors.AddNoEndpoints(resolved.Errors);
        }
        if (resolved.Errors.Count > 0)
        {
            throw KazooErrors.Validation(resolved.Errors);
        }
        return await SendAsync(context, call, dialData, resolved.Endpoints, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// D (kazoo-reference §1.7): the request value <c>data</c> — <c>data.data</c>, then the query string, then the
    /// envelope's <c>data</c> — validated against <c>conferences.dial</c>. Invalid data leaves no endpoint, so Kazoo
    /// always adds the <c>data.endpoints</c> minItems error to the schema's errors (keyed relative to D).
    /// </summary>
    private JsonObject ValidDialData(CrossbarContext context)
    {
        var data = context.RequestValue("data");
        if (data is null)
        {
            throw KazooErrors.Validation("data", "required", "action 'dial' requires a data object");
        }
        JsonObject errors;
        if (data is JsonObject dialData)
        {
            var result = validator.Validate(SchemaName, dialData);
            if (result.IsValid)
            {
                return result.Document;
            }
            errors = result.Errors;
        }
        else
        {
            // Kazoo crashes on dial data that is not an object (profile D9): report its type instead
            errors = new JsonObject
            {
                ["data"] = new JsonObject
                {
                    ["type"] = new JsonObject { ["message"] = "Value did not match type(s): object", ["target"] = "object", ["value"] = data.DeepClone() },
                },
            };
        }
        DialEndpointErrors.AddNoEndpoints(errors);
        throw KazooErrors.Validation(errors);
    }

    private async Task<JsonObject> SendAsync(CrossbarContext context, DialCall call, JsonObject dialData, IReadOnlyList<JsonObject> endpoints, CancellationToken ct)
    {
        var settings = options.Value;
        // nobody in the zone would take the dial: say so at once instead of waiting out timeout × endpoints
        if (!mediaManagers.Managers.Any(m => m.Zone == settings.Zone))
        {
            LogNoMediaManager(settings.Zone, call.ConferenceId);
            return DialResponses.NoMediaServer();
        }
        JsonObject message;
        try
        {
            message = DialMessage.Build(call, dialData, endpoints, DialApplicationVars.From(context), context.RequestId, KapiSender.Crossbar(settings.SenderNode));
        }
        catch (KapiValidationException e)
        {
            // kz_amqp_worker:call/4 answers an error for a request its builder rejects; crossbar reports no media server
            LogInvalidDial(e, call.ConferenceId);
            return DialResponses.NoMediaServer();
        }
        var timeout = DialMessage.TimeoutSeconds(dialData);
        var wait = DialMessage.Wait(timeout, endpoints.Count, settings.MaxWait);
        var request = new KapiRequest(KapiRoutingKeys.Dial(settings.Zone), message);
        KapiCallResult result;
        try
        {
            result = await requester.CallAsync(request, IsDialResponse, wait, ct).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // another request with the same X-Request-ID is waiting for its dial_resp: correlate this one by its own id
            message[KapiHeaders.MsgId] = KazooIds.NewId();
            result = await requester.CallAsync(request with { Message = message }, IsDialResponse, wait, ct).ConfigureAwait(false);
        }
        if (result.Reply is { } reply)
        {
            return DialResponses.FromReply(reply);
        }
        LogTimedOut(call.ConferenceId, wait.TotalMilliseconds);
        return DialResponses.TimedOut();
    }

    /// <summary><c>kapi_conference:dial_resp_v/1</c>.</summary>
    private static bool IsDialResponse(JsonObject reply) => KapiMessage.IsValid(KapiConference.DialResp, reply);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No media manager of zone {Zone} is known; dial into {ConferenceId} not sent")]
    private partial void LogNoMediaManager(string zone, string conferenceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dial into {ConferenceId} failed kapi validation")]
    private partial void LogInvalidDial(Exception exception, string conferenceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "No dial_resp for {ConferenceId} within {WaitMs} ms")]
    private partial void LogTimedOut(string conferenceId, double waitMs);
}
