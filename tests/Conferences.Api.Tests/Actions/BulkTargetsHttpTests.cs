using static Conferences.Api.Tests.Actions.ActionRequests;

namespace Conferences.Api.Tests.Actions;

/// <summary>
/// Bulk actions report per target in <c>metadata</c> and act on the chosen <c>data.participant_ids</c> only
/// (docs/compatibility.md, "Actions a script can trust"); <c>data</c> stays Kazoo's.
/// </summary>
public sealed class BulkTargetsHttpTests(DialApiFactory api) : IClassFixture<DialApiFactory>
{
    [Fact]
    public async Task Bulk_mute_reports_the_members_targeted_and_skips_moderators_and_the_already_muted()
    {
        var account = await api.NewAccountAsync();
        var id = $"targets-{Guid.NewGuid():N}";
        var (members, moderators) = await api.DialInIdsAsync(account, id, members: 2, moderators: 1);
        var moderator = Assert.Single(moderators);

        var muted = await account.ParticipantsActionAsync(id, "mute");

        muted.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal(id, (string?)muted.DataObject["id"]);
        Assert.Equal(members, Targeted(muted));
        Assert.Equal([(moderator, "moderator")], Skipped(muted));
        await account.ParticipantsAsync(id, p => Members(p).All(m => !Flag(m, "speak")));

        var again = await account.ParticipantsActionAsync(id, "mute");

        Assert.Empty(Targeted(again));
        Assert.Equal(members.Select(m => (m, "already_muted")).Append((moderator, "moderator")).OrderBy(s => s.Item1), Skipped(again).OrderBy(s => s.Item1));
    }

    [Fact]
    public async Task Chosen_participant_ids_limit_the_action_and_unknown_ids_are_reported()
    {
        var (account, id, everyone) = await api.NewAdHocConferenceAsync("chosen", members: 3);
        var ids = everyone.Select(Id).Order().ToArray();

        var answer = await account.ParticipantsActionAsync(id, "mute",
            new JsonObject { ["participant_ids"] = new JsonArray(ids[0], $"{ids[2]}", 999_999, ids[0]) });

        answer.ExpectStatus(HttpStatusCode.Created);
        Assert.Equal([ids[0], ids[2]], Targeted(answer));
        Assert.Equal([(999_999L, "unknown_participant")], Skipped(answer));
        await account.ParticipantsAsync(id, p => !Flag(Find(p, ids[0]), "speak") && !Flag(Find(p, ids[2]), "speak"));
        Assert.True(Flag(Find(await account.ParticipantsAsync(id, _ => true), ids[1]), "speak"));
    }

    [Fact]
    public async Task Chosen_kick_hangs_up_only_the_chosen_moderator_included()
    {
        var (account, id, everyone) = await api.NewAdHocConferenceAsync("chosen-kick", members: 1, moderators: 1);
        var (member, moderator) = (Id(Members(everyone).Single()), Id(Moderators(everyone).Single()));

        var answer = await account.ParticipantsActionAsync(id, "kick", new JsonObject { ["participant_ids"] = new JsonArray(moderator) });

        Assert.Equal([moderator], Targeted(answer));
        Assert.Empty(Skipped(answer));
        var left = await account.ParticipantsAsync(id, p => p.Count == 1);
        Assert.Equal(member, Id(left[0]));
    }

    [Fact]
    public async Task Bulk_play_reports_everyone_or_plays_to_the_chosen()
    {
        var account = await api.NewAccountAsync();
        var id = $"targets-play-{Guid.NewGuid():N}";
        var ids = (await api.DialInAsync(account, id, members: 2)).Select(Id).Order().ToArray();
        var media = new JsonObject { ["media_id"] = "hold" };

        var everyone = await account.ParticipantsActionAsync(id, "play", new JsonObject { ["data"] = media.DeepClone() });
        var chosen = await account.ParticipantsActionAsync(id, "play", new JsonObject { ["data"] = media.DeepClone(), ["participant_ids"] = new JsonArray(ids[1], 7_777_777) });

        Assert.Equal("ok", (string?)everyone.ExpectStatus(HttpStatusCode.Created).Data);
        Assert.Equal(ids, Targeted(everyone));
        Assert.Equal("ok", (string?)chosen.ExpectStatus(HttpStatusCode.Created).Data);
        Assert.Equal([ids[1]], Targeted(chosen));
        Assert.Equal([(7_777_777L, "unknown_participant")], Skipped(chosen));
    }

    [Theory]
    [InlineData("\"1\"", "type")]
    [InlineData("{}", "type")]
    [InlineData("[]", "minItems")]
    [InlineData("[1, \"x\"]", "items")]
    [InlineData("[-3]", "items")]
    [InlineData("[1.5]", "items")]
    public async Task Bad_participant_ids_are_400_and_nothing_is_done(string ids, string rule)
    {
        var (account, id, _) = await api.NewAdHocConferenceAsync("bad-ids", members: 1);

        var answer = await account.ParticipantsActionAsync(id, "mute", new JsonObject { ["participant_ids"] = JsonNode.Parse(ids) });

        answer.ExpectValidationError("participant_ids", rule);
        await Task.Delay(200);
        Assert.All(await account.ParticipantsAsync(id, _ => true), m => Assert.True(Flag(m, "speak")));
    }

    private static long[] Targeted(Answer answer) =>
        [.. answer.Json!["metadata"]!["targeted"]!.AsArray().Select(t => t!.GetValue<long>())];

    private static (long, string)[] Skipped(Answer answer) =>
        [.. answer.Json!["metadata"]!["skipped"]!.AsArray().Select(s => (s!["participant_id"]!.GetValue<long>(), s["reason"]!.GetValue<string>()))];
}
