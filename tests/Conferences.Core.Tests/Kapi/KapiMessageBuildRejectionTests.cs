using static Conferences.Core.Tests.Kapi.KapiTestSenders;

namespace Conferences.Core.Tests.Kapi;

/// <summary>Building refuses what <c>kz_api</c> would refuse, listing every problem (<c>kz_api.erl</c>).</summary>
public sealed class KapiMessageBuildRejectionTests
{
    [Fact]
    public void Build_throws_listing_every_problem()
    {
        var error = Assert.Throws<KapiValidationException>(() => KapiMessage.Build(KapiConference.RelateParticipants,
            new JsonObject { ["Participant-ID"] = "seven", ["Relationship"] = "ignore" }, Commands));

        Assert.Equal("relate_participants", error.MessageName);
        Assert.Equal(
            ["Conference-ID: required key is missing", "Other-Participant: required key is missing",
             "Relationship: must be one of deaf, mute, clear", "Participant-ID: must be an integer or a numeric string"],
            error.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Build_rejects_a_fixed_value_that_differs()
    {
        var error = Assert.Throws<KapiValidationException>(() => KapiMessage.Build(KapiConference.Lock,
            new JsonObject { ["Conference-ID"] = "c", ["Application-Name"] = "unlock" }, Commands));

        Assert.Equal("Application-Name: must be \"lock\"", Assert.Single(error.Problems).ToString());
    }

    [Fact]
    public void Build_treats_an_empty_required_value_as_missing()
    {
        var error = Assert.Throws<KapiValidationException>(() => KapiMessage.Build(KapiConference.Play,
            new JsonObject { ["Conference-ID"] = "c", ["Media-Name"] = "" }, Commands));

        Assert.Equal("Media-Name", Assert.Single(error.Problems).Key);
    }

    [Fact]
    public void Record_without_media_name_is_rejected_like_kapi_rejects_crossbars_record()
    {
        var error = Assert.Throws<KapiValidationException>(() =>
            KapiMessage.Build(KapiConference.Record, new JsonObject { ["Conference-ID"] = "c" }, Commands));

        Assert.Equal("Media-Name: required key is missing", Assert.Single(error.Problems).ToString());
    }

    [Fact]
    public void Build_of_a_search_without_either_id_fails_the_one_of_group()
    {
        var error = Assert.Throws<KapiValidationException>(() =>
            KapiMessage.Build(KapiConference.SearchReq, new JsonObject(), KapiSender.Crossbar("crossbar@api1")));

        Assert.Equal("Conference-ID|Account-ID: one of Conference-ID, Account-ID is required", Assert.Single(error.Problems).ToString());
    }
}
