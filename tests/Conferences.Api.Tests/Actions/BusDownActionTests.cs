using Conferences.Api.Tests.Messaging;

namespace Conferences.Api.Tests.Actions;

/// <summary>
/// Actions with the broker gone (<c>Messaging:Provider=rabbitmq</c> on a port nobody listens on): a command that
/// cannot be published answers 503 <c>amqp_unavailable</c> at once — never a hang, never a 500, never a 201 for a
/// command the broker did not confirm.
/// </summary>
public sealed class BusDownActionTests(UnreachableRabbitMqApiFactory api) : IClassFixture<UnreachableRabbitMqApiFactory>
{
    // a hang guard, far above the adapter's connect budget: a loaded machine must not fail these tests
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("conference", "lock", null)]
    [InlineData("conference", "unlock", null)]
    [InlineData("conference", "play", """{"media_id":"welcome"}""")]
    [InlineData("conference", "record", """{"action":"start"}""")]
    [InlineData("participants", "play", """{"data":{"media_id":"welcome"}}""")]
    public async Task A_command_the_bus_cannot_take_is_503(string endpoint, string action, string? data)
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();
        var body = data is null ? null : JsonNode.Parse(data)!.AsObject();
        var clock = Stopwatch.StartNew();

        var answer = endpoint == "conference"
            ? await account.ConferenceActionAsync(id, action, body).WaitAsync(NoHang)
            : await account.ParticipantsActionAsync(id, action, body).WaitAsync(NoHang);

        answer.ExpectError(HttpStatusCode.ServiceUnavailable, "amqp_unavailable");
        Assert.Equal("message bus unavailable", (string?)answer.Data!["message"]);
        Assert.True(clock.Elapsed < NoHang, $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Validation_errors_still_come_first()
    {
        var (account, id) = await api.NewAccountWithConferenceAsync();

        var answer = await account.ConferenceActionAsync(id, "play").WaitAsync(NoHang);

        answer.ExpectValidationError("data.media_id", "required");
    }
}
