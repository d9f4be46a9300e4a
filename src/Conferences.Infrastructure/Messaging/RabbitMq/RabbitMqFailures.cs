using System.Net.Sockets;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Conferences.Infrastructure.Messaging.RabbitMq;

/// <summary>
/// What a RabbitMQ.Client failure means to a caller of the ports: a queue that exists with other properties or is
/// held by another connection (PRECONDITION_FAILED, RESOURCE_LOCKED) is a programming error
/// (<see cref="InvalidOperationException"/>); everything else — unreachable, closed, recovering, blocked, not
/// confirmed in time — is <see cref="BusUnavailableException"/>, the API's 503.
/// </summary>
internal static class RabbitMqFailures
{
    /// <summary>Whether <paramref name="exception"/> comes from the broker or the link to it (not from our code).</summary>
    public static bool IsBrokerFailure(Exception exception) => exception is RabbitMQClientException or OperationInterruptedException
        or IOException or SocketException or TimeoutException or ObjectDisposedException;

    /// <summary>The exception to throw for a broker failure (<see cref="IsBrokerFailure"/>) met while doing <paramref name="what"/>.</summary>
    public static Exception Translate(Exception exception, string what)
    {
        if (exception is OperationInterruptedException { ShutdownReason: { } reason }
            && reason.Initiator == ShutdownInitiator.Peer
            && reason.ReplyCode is Constants.PreconditionFailed or Constants.ResourceLocked)
        {
            return new InvalidOperationException($"{what}: the broker refused ({reason.ReplyCode} {reason.ReplyText})", exception);
        }
        return exception switch
        {
            PublishException => new BusUnavailableException($"{what}: the broker did not accept the message (nack)", exception),
            OperationInterruptedException { ShutdownReason: { } closed } =>
                new BusUnavailableException($"{what}: the broker closed the channel ({closed.ReplyCode} {closed.ReplyText})", exception),
            _ => new BusUnavailableException($"{what}: {exception.Message}", exception),
        };
    }

    public static BusUnavailableException TimedOut(string what, TimeSpan budget) =>
        new($"{what}: the broker did not answer within {budget.TotalMilliseconds:0} ms");
}
