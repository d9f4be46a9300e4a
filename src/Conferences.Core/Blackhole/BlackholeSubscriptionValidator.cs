namespace Conferences.Core.Blackhole;

// bh_events:validate/2 and bh_conference:validate/2.
internal static class BlackholeSubscriptionValidator
{
    // Sends the error reply and returns null when something is wrong.
    public static BlackholeSubscriptionRequest? Validate(BlackholeFrame frame, BlackholeSender sender)
    {
        var data = frame.Data;
        if (data is null || data.Count == 0)
        {
            sender.Send(BlackholeReplies.Error(frame.RequestId, BlackholeErrors.MissingDataObject));
            return null;
        }
        var missing = new List<string>();
        if (!data.ContainsKey(BlackholeProtocol.AccountIdKey))
        {
            missing.Add(BlackholeProtocol.AccountIdKey);
        }
        if (!data.ContainsKey(BlackholeProtocol.BindingKey) && !data.ContainsKey(BlackholeProtocol.BindingsKey))
        {
            missing.Add(BlackholeProtocol.BindingKey);
        }
        if (missing.Count > 0)
        {
            sender.Send(BlackholeReplies.Error(frame.RequestId, BlackholeErrors.MissingKeys(missing)));
            return null;
        }
        if (ReadBindings(data) is not { } clientBindings)
        {
            sender.Send(BlackholeReplies.Error(frame.RequestId,
                data.ContainsKey(BlackholeProtocol.BindingKey) ? BlackholeErrors.InvalidBinding : BlackholeErrors.InvalidBindings));
            return null;
        }
        var accountId = KazooJson.GetString(data, BlackholeProtocol.AccountIdKey) ?? string.Empty;
        var parsed = clientBindings.Select(b => BlackholeBindingParser.Parse(b, accountId)).ToList();
        var errors = parsed.Select(p => p.Error).OfType<string>().ToList();
        var since = ReadSince(data, errors);
        var snapshot = ReadSnapshot(data, errors);
        if (errors.Count > 0)
        {
            sender.Send(BlackholeReplies.Error(frame.RequestId, errors));
            return null;
        }
        return new BlackholeSubscriptionRequest(accountId, parsed) { Since = since, Snapshot = snapshot };
    }

    // Additions to Kazoo's subscribe (docs/websocket.md, "Cursors"); null counts as absent.
    private static BlackholeCursor? ReadSince(JsonObject data, List<string> errors)
    {
        switch (data[BlackholeProtocol.SinceKey])
        {
            case null:
                return null;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>();
                if (BlackholeCursor.TryParse(text, out var cursor))
                {
                    return cursor;
                }
                errors.Add(BlackholeErrors.InvalidCursor(text));
                return null;
            default:
                errors.Add(BlackholeErrors.InvalidSince);
                return null;
        }
    }

    private static bool ReadSnapshot(JsonObject data, List<string> errors)
    {
        var node = data[BlackholeProtocol.SnapshotKey];
        if (node is null)
        {
            return false;
        }
        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetValue<bool>();
        }
        errors.Add(BlackholeErrors.InvalidSnapshot);
        return false;
    }

    // bh_context:bindings_from_json/1: binding (a string) wins over bindings (an array of strings).
    private static List<string>? ReadBindings(JsonObject data)
    {
        if (data.TryGetPropertyValue(BlackholeProtocol.BindingKey, out var single))
        {
            return NonEmptyString(single) is { } binding ? [binding] : null;
        }
        if (data[BlackholeProtocol.BindingsKey] is not JsonArray { Count: > 0 } array)
        {
            return null;
        }
        var strings = array.Select(NonEmptyString).ToList();
        return strings.Contains(null) ? null : [.. strings.OfType<string>()];
    }

    private static string? NonEmptyString(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s ? s : null;
}
