namespace Conferences.Core.Dial;

// cb_conferences:build_endpoints_to_dial/3 (docs/crossbar.md, "Dial"); endpoints keep the request's order.
internal sealed class DialEndpointResolver(DialDocuments documents)
{
    private const int DocumentIdBytes = 32;

    public async Task<DialEndpoints> ResolveAsync(DialCall call, JsonArray requested, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(requested);
        var endpoints = new List<JsonObject>();
        var errors = new JsonObject();
        var position = 1;
        foreach (var item in requested)
        {
            var advance = true;
            switch (item)
            {
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    advance = await ResolveStringAsync(call, value.GetValue<string>(), position, endpoints, errors, ct).ConfigureAwait(false);
                    break;
                case JsonObject device:
                    AddDevice(call, InlineDevice(device), position, endpoints, errors);
                    break;
                default:
                    // the schema only lets strings and objects through; anything else is not an endpoint
                    DialEndpointErrors.AddNotEndpoint(errors, position);
                    break;
            }
            if (advance)
            {
                position++;
            }
        }
        return new DialEndpoints(endpoints, errors);
    }

    // false only for a deleted document: the position does not advance.
    private async Task<bool> ResolveStringAsync(DialCall call, string value, int position, List<JsonObject> endpoints, JsonObject errors, CancellationToken ct)
    {
        if (value.StartsWith(SipUriEndpoint.Scheme, StringComparison.Ordinal))
        {
            AddOrNotFound(SipUriEndpoint.Build(value, call), value, position, endpoints, errors);
            return true;
        }
        if (Encoding.UTF8.GetByteCount(value) == DocumentIdBytes)
        {
            return await ResolveDocumentAsync(call, value, position, endpoints, errors, ct).ConfigureAwait(false);
        }
        if (DialNumbers.IsDialable(value))
        {
            endpoints.Add(NumberEndpoint.Build(value, call));
        }
        else
        {
            DialEndpointErrors.AddNotEndpoint(errors, position);
        }
        return true;
    }

    private async Task<bool> ResolveDocumentAsync(DialCall call, string id, int position, List<JsonObject> endpoints, JsonObject errors, CancellationToken ct)
    {
        var doc = await documents.GetAsync(call.AccountId, id, ct).ConfigureAwait(false);
        if (doc is null)
        {
            return true;
        }
        if (KazooJson.GetBool(doc, KazooFields.Deleted) || KazooJson.GetBool(doc, "_deleted"))
        {
            return false;
        }
        var docId = DeviceEndpointBuilder.IdOf(doc) ?? id;
        switch (KazooJson.GetString(doc, KazooFields.Type))
        {
            case "device":
                AddDevice(call, doc, position, endpoints, errors);
                break;
            case "user":
                var legs = (await documents.DevicesOwnedByAsync(call.AccountId, docId, ct).ConfigureAwait(false))
                    .Select(device => DeviceEndpointBuilder.Build(device, DeviceEndpointBuilder.IdOf(device), call))
                    .OfType<JsonObject>()
                    .ToList();
                if (legs.Count == 0)
                {
                    DialEndpointErrors.AddNoDevices(errors, position, docId);
                }
                endpoints.AddRange(legs);
                break;
            default:
                DialEndpointErrors.AddNotFound(errors, position, docId);
                break;
        }
        return true;
    }

    private static void AddDevice(DialCall call, JsonObject device, int position, List<JsonObject> endpoints, JsonObject errors)
    {
        var id = DeviceEndpointBuilder.IdOf(device);
        AddOrNotFound(DeviceEndpointBuilder.Build(device, id, call), id ?? string.Empty, position, endpoints, errors);
    }

    private static void AddOrNotFound(JsonObject? endpoint, string id, int position, List<JsonObject> endpoints, JsonObject errors)
    {
        if (endpoint is null)
        {
            DialEndpointErrors.AddNotFound(errors, position, id);
        }
        else
        {
            endpoints.Add(endpoint);
        }
    }

    // kz_json:insert_value/3: an inline device without id gets rand-hex-32.
    private static JsonObject InlineDevice(JsonObject device)
    {
        var copy = device.DeepClone().AsObject();
        if (DeviceEndpointBuilder.IdOf(copy) is null)
        {
            copy["id"] = KazooIds.NewId();
        }
        return copy;
    }
}
