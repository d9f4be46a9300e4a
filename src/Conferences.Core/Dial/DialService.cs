namespace Conferences.Core.Dial;

/// <summary><c>cb_conferences:dial/3</c>; the media manager starts a conference that is not running (D2;
/// docs/crossbar.md).</summary>
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

    /// <exception cref="CrossbarException">400 for missing or invalid dial data or endpoints.</exception>
    /// <exception cref="BusUnavailableException">the bus is down (503).</exception>
    public async Task<JsonObject> DialAsync(ActionRequest request, JsonObject conference, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(conference);
        var dialData = ValidDialData(request.Data);
        var account = await accounts.FindAsync(request.AccountId, ct).ConfigureAwait(false);
        var call = new DialCall(
            request.AccountId,
            account is null ? null : ActionData.NonEmpty(account["realm"]),
            request.ConferenceId,
            ActionData.NonEmpty(dialData["caller_id_name"]) ?? ActionData.NonEmpty(conference["name"]),
            ActionData.NonEmpty(dialData["caller_id_number"]));

        var resolved = await resolver.ResolveAsync(call, dialData["endpoints"] as JsonArray ?? [], ct).ConfigureAwait(false);
        if (resolved.Endpoints.Count == 0)
        {
            DialEndpointErrors.AddNoEndpoints(resolved.Errors);
        }
        if (resolved.Errors.Count > 0)
        {
            throw KazooErrors.Validation(resolved.Errors);
        }
        return await SendAsync(request, call, dialData, resolved.Endpoints, ct).ConfigureAwait(false);
    }

    // Invalid data leaves no endpoint, so Kazoo always adds the data.endpoints minItems error too.
    private JsonObject ValidDialData(JsonNode? data)
    {
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
            // Kazoo crashes on dial data that is not an object (docs/compatibility.md D9): report its type instead
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

    private async Task<JsonObject> SendAsync(ActionRequest request, DialCall call, JsonObject dialData, IReadOnlyList<JsonObject> endpoints, CancellationToken ct)
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
            message = DialMessage.Build(call, dialData, endpoints, request.ApplicationVars, request.RequestId, KapiSender.Crossbar(settings.SenderNode));
        }
        catch (KapiValidationException e)
        {
            // kz_amqp_worker:call/4 answers an error for a request its builder rejects; crossbar reports no media server
            LogInvalidDial(e, call.ConferenceId);
            return DialResponses.NoMediaServer();
        }
        var timeout = DialMessage.TimeoutSeconds(dialData);
        var wait = DialMessage.Wait(timeout, endpoints.Count, settings.MaxWait);
        var kapiRequest = new KapiRequest(KapiRoutingKeys.Dial(settings.Zone), message);
        await ActingGate.PassAsync().ConfigureAwait(false);
        KapiCallResult result;
        try
        {
            result = await requester.CallAsync(kapiRequest, IsDialResponse, wait, ct).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // another request with the same X-Request-ID is waiting for its dial_resp: correlate this one by its own id
            message[KapiHeaders.MsgId] = KazooIds.NewId();
            result = await requester.CallAsync(kapiRequest with { Message = message }, IsDialResponse, wait, ct).ConfigureAwait(false);
        }
        if (result.Reply is { } reply)
        {
            return DialResponses.FromReply(reply);
        }
        LogTimedOut(call.ConferenceId, wait.TotalMilliseconds);
        return DialResponses.TimedOut();
    }

    // kapi_conference:dial_resp_v/1
    private static bool IsDialResponse(JsonObject reply) => KapiMessage.IsValid(KapiConference.DialResp, reply);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No media manager of zone {Zone} is known; dial into {ConferenceId} not sent")]
    private partial void LogNoMediaManager(string zone, string conferenceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dial into {ConferenceId} failed kapi validation")]
    private partial void LogInvalidDial(Exception exception, string conferenceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "No dial_resp for {ConferenceId} within {WaitMs} ms")]
    private partial void LogTimedOut(string conferenceId, double waitMs);
}
