using Conferences.Api.Tests.Actions;
using static Conferences.Api.Tests.Actions.ActionRequests;

namespace Conferences.Api.Tests.Telemetry;

/// <summary>
/// <c>/metrics</c> after a scripted session (docs/operations.md, "Metrics"): what changed between a scrape before it and
/// scrapes after it, series by series. Counts are differences, so what other hosts of this process recorded earlier
/// does not count; the collection runs alone.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class MetricsTests(MetricsApiFactory api) : IClassFixture<MetricsApiFactory>
{
    private const string ConferencesRoute = "v2/accounts/{account_id}/conferences";

    [Fact]
    public async Task A_scripted_session_shows_in_the_metrics_with_its_counts()
    {
        var account = await api.NewAccountAsync();
        await api.MediaManagerKnownAsync();
        var before = await PrometheusScrape.ReadAsync(api);

        var id = await account.CreateConferenceIdAsync(new JsonObject { ["name"] = "Metered" });
        await using var ws = await BlackholeClient.ConnectAsync(api);
        Frames.Success(await ws.SubscribeAsync(account, $"conference.event.{id}.*"));
        var everyone = await api.DialInAsync(account, id, members: 1, moderators: 1);
        var member = Id(Assert.Single(Members(everyone)));
        (await account.ParticipantsActionAsync(id, "mute")).ExpectStatus(HttpStatusCode.Created);
        await account.ParticipantsAsync(id, p => !Flag(Find(p, member), "speak"));
        (await account.ParticipantActionAsync(id, member, "kick")).ExpectStatus(HttpStatusCode.Created);
        await account.ParticipantsAsync(id, p => p.Count == 1);

        var after = await Eventually.MatchAsync(() => PrometheusScrape.ReadAsync(api),
            s => Change(before, s, "conferences_events_ingested_total", ("conference_event", "del-member")) >= 1, what: "the kick's del-member in the metrics");
        // HTTP, by route template, method and status (ASP.NET Core's http.server.request.duration)
        Assert.Equal(1, Change(before, after, "http_server_request_duration_seconds_count",
            ("http_route", ConferencesRoute), ("http_request_method", "PUT"), ("http_response_status_code", "201")));
        Assert.Equal(1, Change(before, after, "http_server_request_duration_seconds_count",
            ("http_route", $"{ConferencesRoute}/{{conference_id}}/participants"), ("http_request_method", "PUT"), ("http_response_status_code", "201")));
        Assert.Equal(1, Change(before, after, "http_server_request_duration_seconds_count",
            ("http_route", $"{ConferencesRoute}/{{conference_id}}/participants/{{participant_id}}"), ("http_request_method", "PUT")));
        Assert.True(after.Has("http_server_request_duration_seconds_bucket"));
        // the live state: two joined, one was kicked
        Assert.Equal(2, Change(before, after, "conferences_events_ingested_total", ("conference_event", "add-member")));
        Assert.Equal(1, Change(before, after, "conferences_events_ingested_total", ("conference_event", "mute-member")));
        Assert.Equal(1, Change(before, after, "conferences_events_ingested_total", ("conference_event", "del-member")));
        Assert.Equal(1, Change(before, after, "conferences_live_conferences"));
        Assert.Equal(1, Change(before, after, "conferences_live_participants"));
        Assert.True(Change(before, after, "conferences_resyncs_total", ("conferences_resync_scope", "conference")) >= 1);
        Assert.True(after.Has("conferences_resync_duration_seconds_bucket"));
        // the websocket: one connection with one binding, one frame from the client, its reply and the events to it
        Assert.Equal(1, Change(before, after, "conferences_websocket_connections"));
        Assert.Equal(1, Change(before, after, "conferences_websocket_subscriptions"));
        Assert.Equal(1, Change(before, after, "conferences_websocket_frames_total", ("direction", "received")));
        Assert.True(Change(before, after, "conferences_websocket_frames_total", ("direction", "sent")) >= 5);
        // the bus (the dials, the mute and the kick went out to the simulator) and the store (the conference saved)
        Assert.True(Change(before, after, "messaging_client_sent_messages_total", ("messaging_system", "inprocess"), ("messaging_destination_name", "conference")) >= 3);
        Assert.Equal(0, Change(before, after, "messaging_client_sent_messages_total", ("error_type", "BusUnavailableException")));
        Assert.True(Change(before, after, "db_client_operation_duration_seconds_count", ("db_system_name", "sqlite"), ("db_operation_name", "save")) >= 1);

        // the dashboard's queries name series that exist (a slow-consumer close appears with the first one)
        var dashboard = await File.ReadAllTextAsync(Path.Combine(TestScript.RepositoryRoot, "docs", "grafana-dashboard.json"));
        var queried = System.Text.RegularExpressions.Regex.Matches(dashboard, @"([a-z_]+)\{job=").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.True(queried.Count >= 10);
        Assert.All(queried.Where(n => n != "conferences_websocket_slow_consumer_closes_total"), n => Assert.True(after.Has(n), $"{n} is not in /metrics"));

        await ws.DisposeAsync();
        await Eventually.MatchAsync(() => PrometheusScrape.ReadAsync(api), s => Change(before, s, "conferences_websocket_connections") == 0,
            what: "the closed websocket to leave the connections gauge");
    }

    [Fact]
    public async Task The_public_listener_does_not_serve_metrics_unless_configured()
    {
        await using var plain = new ApiFactory();
        using var client = plain.CreateClient();
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static double Change(PrometheusScrape before, PrometheusScrape after, string name, params (string, string)[] labels) =>
        after.Sum(name, labels) - before.Sum(name, labels);
}
