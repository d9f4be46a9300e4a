namespace Conferences.Api.Tests.Actions;

/// <summary>Odd action bodies on the three action endpoints answer Kazoo error envelopes (or succeed), never 500 (docs/compatibility.md D9).</summary>
public sealed class ActionRobustnessTests(DialApiFactory api) : IClassFixture<DialApiFactory>
{
    public static TheoryData<string> Bodies() =>
    [
        """{"data":[]}""",
        """{"data":[1,2]}""",
        """{"data":{"action":{}}}""",
        """{"data":{"action":null}}""",
        """{"action":[],"data":{}}""",
        """{"action":"play","data":[]}""",
        """{"action":"play","data":{"data":[]}}""",
        """{"action":"play","data":{"media_id":[]}}""",
        """{"action":"play","data":{"media_id":true}}""",
        """{"action":"play","data":{"media_id":1e400}}""",
        """{"action":"record","data":{"action":{}}}""",
        """{"action":"record","data":{"action":"start","media_name":""}}""",
        """{"action":"record","data":{"action":"stop","media_name":null}}""",
        """{"action":"relate","data":[]}""",
        """{"action":"relate","data":{"data":"x"}}""",
        """{"action":"relate","data":{"participant_id":{},"other_participant":[]}}""",
        """{"action":"relate","data":{"participant_id":"","other_participant":""}}""",
        """{"action":"relate","data":{"participant_id":99999999999999999999,"other_participant":1}}""",
        """{"action":"relate","data":{"participant_id":"1","other_participant":"-1","relationship":5}}""",
        """{"action":"mute","data":{"ui_metadata":{"version":"4.3","ui":"monster-ui"}}}""",
        """{"action":"kick","data":{"action":"kick","data":null}}""",
        """{"action":"lock","data":{"action":"lock"}}""",
    ];

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Odd_bodies_never_answer_500(string body)
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();

        foreach (var path in new[] { $"conferences/{id}", $"conferences/{id}/participants", $"conferences/{id}/participants/1", $"conferences/{id}/participants/x%20y" })
        {
            var answer = await account.SendAsync(HttpMethod.Put, path, Body.Json(body));

            Assert.True((int)answer.Status < 500, $"PUT {path} {body} → {(int)answer.Status} {answer.Body}");
            Assert.NotNull(answer.Json?["status"]);
            Assert.Equal("application/json", answer.Header("Content-Type"));
        }
    }

    [Fact]
    public async Task The_query_string_data_is_not_an_object()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();

        var answer = await account.PutAsync($"conferences/{id}?action=play&data=welcome", new System.Text.Json.Nodes.JsonObject { ["action"] = "play" });

        answer.ExpectValidationError("data", "type");
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
    }
}
