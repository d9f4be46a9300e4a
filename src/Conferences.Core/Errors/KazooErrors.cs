namespace Conferences.Core.Errors;

/// <summary>Kazoo's error catalogue for the conferences API, one factory per row (<c>cb_conferences</c>, <c>crossbar_util:response/…</c>; docs/compatibility.md).</summary>
public static class KazooErrors
{
    public const string ValidationErrorName = "validation error";

    public static CrossbarException Validation(JsonObject errors) => new(400, ValidationErrorName, errors);

    public static CrossbarException Validation(string key, string rule, string message, JsonObject? extra = null)
    {
        var detail = new JsonObject { ["message"] = message };
        if (extra is not null)
        {
            foreach (var (k, v) in extra)
            {
                detail[k] = v?.DeepClone();
            }
        }
        return Validation(new JsonObject { [key] = new JsonObject { [rule] = detail } });
    }

    public static CrossbarException InvalidJson(string parserMessage) =>
        Validation("json", "invalid", parserMessage, new JsonObject { ["target"] = "body" });

    public static CrossbarException DataRequired() =>
        Validation("data", "required", "Field is required but missing");

    public static CrossbarException InvalidCredentials() =>
        WithMessage(401, "invalid_credentials", "invalid credentials");

    /// <summary>Expired or unknown token caught by the early authentication step (<c>api_util:is_early_authentic/2</c>).</summary>
    public static CrossbarException ExpiredCredentials() => new(401, "invalid credentials", new JsonObject());

    /// <summary><c>cb_auth</c> tokeninfo without a token: 404 with the place it looked (<c>params</c> or <c>request</c>).</summary>
    public static CrossbarException MissingToken(string place) => new(404, $"missing token in {place}", new JsonObject());

    /// <summary><c>cb_auth</c> tokeninfo of a token that fails verification: 401 with Kazoo's reason as the message.</summary>
    public static CrossbarException TokenRefused(string reason) => new(401, reason, new JsonObject());

    public static CrossbarException Forbidden() => WithMessage(403, "forbidden", "forbidden");

    public static CrossbarException BadIdentifier(string cause) =>
        new(404, "bad_identifier", new JsonObject { ["cause"] = cause, ["message"] = "bad identifier" });

    /// <summary>Relate's 404 (<c>cb_conferences:relate/4</c>), used for every participant path (docs/compatibility.md
    /// D3).</summary>
    public static CrossbarException UnknownParticipant(JsonNode? id) =>
        new(404, "bad_identifier", new JsonObject { ["id"] = id?.DeepClone(), ["message"] = "bad identifier" });

    public static CrossbarException InvalidAccountId(string token) =>
        WithMessage(404, "bad identifier", $"invalid account_id '{token}'");

    public static CrossbarException FaultyRequest(string message = "faulty request") =>
        WithMessage(404, "faulty_request", message);

    public static CrossbarException NotFound() => WithMessage(404, "not_found", "not found");

    public static CrossbarException InvalidMethod() =>
        WithMessage(405, "invalid_method", "method not allowed");

    public static CrossbarException Conflict() =>
        WithMessage(409, "datastore_conflict", "conflicting documents");

    /// <summary>A request is still running under this <c>Idempotency-Key</c> (docs/compatibility.md, "Actions a script can trust").</summary>
    public static CrossbarException IdempotencyKeyInProgress() =>
        WithMessage(409, "idempotency_key_in_progress", "a request with this Idempotency-Key is still in progress; retry once it has answered");

    /// <summary>The <c>Idempotency-Key</c> was used for a different request: nothing is done.</summary>
    public static CrossbarException IdempotencyKeyReused() =>
        WithMessage(422, "idempotency_key_reused", "this Idempotency-Key was used for a different request; use a new key for a new request");

    /// <summary>An <c>Idempotency-Key</c> header that is empty, repeated, too long or not visible ASCII.</summary>
    public static CrossbarException InvalidIdempotencyKey() =>
        Validation("Idempotency-Key", "pattern", "Idempotency-Key must be one header of 1 to 255 visible ASCII characters");

    public static CrossbarException ApiVersionGone() =>
        WithMessage(410, "gone", "API version 1 is not supported, please use v2");

    /// <summary>Kazoo answers an empty 412; this service explains it in an envelope (compatibility.md, D9).</summary>
    public static CrossbarException PreconditionFailed(string? currentRevision) =>
        new(412, "precondition_failed", new JsonObject
        {
            ["message"] = "revision does not match If-Match",
            ["revision"] = currentRevision,
        });

    /// <summary>D10: 413 with Kazoo's <c>file.maxSize</c> data (<c>api_resource:valid_entity_length/2</c>).</summary>
    public static CrossbarException PayloadTooLarge(long maxBytes) =>
        new(413, "payload too large", new JsonObject
        {
            ["file"] = new JsonObject
            {
                ["maxSize"] = new JsonObject
                {
                    ["message"] = $"Payload or Files must not be more than {maxBytes} bytes",
                    ["target"] = maxBytes,
                },
            },
        });

    public static CrossbarException UnsupportedMediaType(string contentType) =>
        new(415, "unsupported_media_type", new JsonObject
        {
            ["message"] = $"content type '{contentType}' is not supported; use application/json",
        });

    public static CrossbarException RangeNotSatisfiable() => new(416, "range not satisfiable", new JsonObject());

    public static CrossbarException DatastoreUnreachable() =>
        WithMessage(503, "datastore_unreachable", "datastore timeout");

    /// <summary>The bus is down: commands fail fast instead of hanging (Kazoo has no such row).</summary>
    public static CrossbarException BusUnavailable() =>
        WithMessage(503, "amqp_unavailable", "message bus unavailable");

    /// <summary>The client went away (or the server is stopping) before the answer was ready; nothing more is done.</summary>
    public static CrossbarException RequestCancelled() =>
        WithMessage(503, "request cancelled", "request cancelled");

    /// <summary>An unexpected crash: crossbar's 500 <c>init failed</c>, with no <c>data</c> key (never for bad input: compatibility.md D9).</summary>
    public static CrossbarException InitFailed() => new(500, "init failed", null);

    public static CrossbarException DatastoreFault(string? cause = null)
    {
        var data = new JsonObject { ["message"] = "datastore fatal error" };
        if (cause is not null)
        {
            data["cause"] = cause;
        }
        return new(503, "datastore_fault", data);
    }

    private static CrossbarException WithMessage(int code, string name, string message) =>
        new(code, name, new JsonObject { ["message"] = message });
}
