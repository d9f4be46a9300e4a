namespace Conferences.Api.OpenApi;

// What each crossbar write route expects in its request envelope (cb_conferences:put/2,3,4), for the OpenAPI document.
internal sealed record KazooRequestBody(
    string DataDescription,
    string? ActionDescription,
    bool Required,
    IReadOnlyList<(string Name, string Summary, string Json)> Examples)
{
    private const string ParticipantActions = "`mute`, `unmute`, `deaf`, `undeaf`, `kick`, `play` (`data.media_id`)";

    // The PUT routes by the end of their path, the first match wins (so the participant routes come before the conference's).
    private static readonly (string Suffix, KazooRequestBody Body)[] PutBodies =
    [
        // cb_conferences:put/4: the action is looked up in data first, then the query string, then the envelope
        ("/participants/{participant_id}", new(
            $"the action under `action` ({ParticipantActions}) and its input; `action` may also be at the envelope's top level or in the query string",
            $"the participant action: {ParticipantActions}",
            Required: false,
            [("mute", "mute one participant", """{"data":{"action":"mute"}}"""),
             ("play", "play a media file to one participant", """{"data":{"action":"play","media_id":"5a8f2b61c0d94e7b9e3f1a2c4d6b8e0f"}}""")])),
        // cb_conferences:handle_participants_action/3: bulk mute/unmute/deaf/undeaf skip moderators, kick takes everyone; relate reads its own data
        ("/participants", new(
            $"the action under `action` ({ParticipantActions}, `relate`) and its input; `relate` takes `participant_id`, `other_participant` and `relationship` (`mute`, `deaf` or `clear`, see schemas/metaflows.relate.json)",
            $"the action on every participant: {ParticipantActions}, `relate`; bulk mute, unmute, deaf and undeaf leave moderators alone",
            Required: false,
            [("mute", "mute every participant but the moderators", """{"data":{"action":"mute"}}"""),
             ("relate", "relate participant 7 to participant 8 with `mute`", """{"action":"relate","data":{"participant_id":7,"other_participant":8,"relationship":"mute"}}""")])),
        // cb_conferences:put/2: the action is read from the envelope first, then from data
        ("conferences/{conference_id}", new(
            "the action's input: dial → endpoints and caller id (see schemas/conferences.dial.json); play → `media_id`; record → `action` (`start` or `stop`); lock and unlock → nothing",
            "the conference action: `dial`, `lock`, `unlock`, `play`, `record`",
            Required: false,
            [("dial", "dial endpoints into the conference (any id: an ad-hoc conference starts)", """{"action":"dial","data":{"endpoints":["sip:alice@example.com","1000"],"caller_id_name":"Sales","participant_flags":["is_moderator"]}}"""),
             ("lock", "lock the conference (`unlock` likewise)", """{"action":"lock","data":{}}"""),
             ("play", "play a media file to the whole conference", """{"action":"play","data":{"media_id":"5a8f2b61c0d94e7b9e3f1a2c4d6b8e0f"}}"""),
             ("record", "start recording (`stop` ends it)", """{"action":"record","data":{"action":"start"}}""")])),
        ("user_auth", new("the hash of the user's `username:password` and where to find the user's account (see schemas/user_auth.json)", null, Required: true,
            [("credentials", "trade a user's credentials for a token", """{"data":{"credentials":"<md5 of username:password>","account_name":"Sales"}}""")])),
        ("api_auth", new("the account's API key", null, Required: true,
            [("api_key", "trade an API key for a token", """{"data":{"api_key":"<64 hex characters>"}}""")])),
        ("accounts/{account_id}", new("the child account to create", null, Required: false,
            [("child", "create a child account", """{"data":{"name":"Branch office"}}""")])),
    ];

    public static KazooRequestBody For(string method, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = relativePath.TrimEnd('/');
        if (path.Contains("/conferences_webhooks", StringComparison.Ordinal))
        {
            return path.EndsWith("/secret", StringComparison.Ordinal)
                ? new("nothing: the new secret is generated", null, Required: false, [])
                : WebhookDocument();
        }
        if (method != "PUT")
        {
            return ConferenceDocument(required: true);
        }
        foreach (var (suffix, body) in PutBodies)
        {
            if (path.EndsWith(suffix, StringComparison.Ordinal))
            {
                return body;
            }
        }
        return path.Contains("/conferences", StringComparison.Ordinal)
            ? ConferenceDocument(required: true)
            : new("the request's data", null, Required: false, []);
    }

    public JsonNode ExampleValue(int index) => JsonNode.Parse(Examples[index].Json)!;

    private static KazooRequestBody WebhookDocument() => new(
        "the conference webhook document (see schemas/conferences_webhooks.json)",
        null,
        Required: true,
        [("webhook", "send the joins and leaves of every conference to an HTTPS endpoint", """{"data":{"name":"CRM","uri":"https://crm.example.com/hooks/conferences","events":["add-member","del-member"],"custom_data":{"tenant":"acme"}}}""")]);

    private static KazooRequestBody ConferenceDocument(bool required) => new(
        "the conference document (see schemas/conferences.json)",
        null,
        required,
        [("conference", "a conference with a member PIN and a number", """{"data":{"name":"Sales","member":{"pins":["1234"]},"conference_numbers":["5550100"]}}""")]);
}
