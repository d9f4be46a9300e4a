namespace Conferences.MediaServer.Tests;

/// <summary>Reading wire messages in assertions.</summary>
public static class Wire
{
    public static string? Str(JsonObject message, string key) => KazooJson.GetString(message, key);

    public static long? Long(JsonObject message, string key) => KazooJson.GetLong(message, key);

    public static JsonObject Obj(JsonObject message, string key) => message[key]!.AsObject();

    public static List<JsonObject> Items(JsonObject message, string key) => [.. message[key]!.AsArray().Select(i => i!.AsObject())];

    /// <summary>A boolean of <c>Conference-Channel-Vars</c>.</summary>
    public static bool Var(JsonObject message, string key) => message[KapiKeys.ConferenceChannelVars]![key]!.GetValue<bool>();

    public static string EventName(JsonObject message) => Str(message, KapiKeys.Event)!;
}
