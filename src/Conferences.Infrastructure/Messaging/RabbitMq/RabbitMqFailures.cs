using System.Net.Sockets;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Conferences.Infrastructure.Messaging.RabbitMq;

// PRECONDITION_FAILED and RESOURCE_LOCKED are programming errors; every other broker failure is BusUnavailableException
// (503).
internal static class RabbitMqFailures
{
    public static bool IsBrokerFailure(Exception exception) => exception is RabbitMQClientException or OperationInterruptedException
        or IOException or SocketException or TimeoutException or ObjectDisposedException;

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
