using System.Text.Json.Nodes;
using Conferences.Core.Accounts;
using Conferences.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace Conferences.Core.Blackhole;

/// <summary>
/// One websocket client of the Blackhole protocol (kazoo-reference §7; <c>blackhole_socket_callback.erl</c>): each
/// frame is authenticated (only until the session is), validated, authorized and executed, in Kazoo's order, and
/// answered with one reply that echoes its <c>request_id</c>. Subscriptions are memberships of the process's
/// <see cref="BlackholeEventHub"/>, one per distinct AMQP binding (the hub keeps one bus queue per binding key for
/// all sessions), whose deliveries become this session's event frames. Everything the client receives goes through
/// the <see cref="IBlackholeOutbox"/>; the session knows nothing of sockets. Frames are handled one at a time.
/// </summary>
public sealed partial class BlackholeSession(
    IBlackholeAuthenticator authenticator,
    BlackholeEventHub hub,
    IBlackholeOutbox outbox,
    BlackholeSessionOptions options,
    ILogger<BlackholeSession> logger) : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly List<BlackholeBinding> bindings = [];
    private readonly Dictionary<string, BlackholeListener> listeners = new(StringComparer.Ordinal);
    private TokenClaims? claims;
    private string? connectToken;
    private bool disposed;
    private volatile bool outboxClosed;

    /// <summary>Whom the session acts for, once authenticated.</summary>
    public TokenClaims? Claims => claims;

    /// <summary>The <c>name</c> and <c>metadata</c> of the latest frame that had them (stored, as Blackhole does).</summary>
    public JsonNode? Name { get; private set; }

    public JsonNode? Metadata { get; private set; }

    /// <summary>The session's bindings, in subscription order.</summary>
    public IReadOnlyList<BlackholeBinding> Bindings
    {
        get
        {
            lock (gate)
            {
                return [.. bindings];
            }
        }
    }

    /// <summary>
    /// An <c>auth_token</c> query parameter of the connection: a valid one authenticates the session at once; any
    /// other is used, like a frame's, by the first frame that needs authentication and carries no token of its own.
    /// </summary>
    public async Task AuthenticateOnConnectAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return;
        }
        connectToken = token;
        claims = await authenticator.AuthenticateAsync(token, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Handles one text frame (UTF-8 JSON) and queues its reply.</summary>
    public async Task HandleAsync(ReadOnlyMemory<byte> text, CancellationToken cancellationToken)
    {
        var frame = BlackholeFrame.Parse(text.Span);
        if (frame is null)
        {
            Send(BlackholeReplies.Error(BlackholeFrame.NewRequestId(), BlackholeErrors.InvalidFrame));
            return;
        }
        Name = frame.Name ?? Name;
        Metadata = frame.Metadata ?? Metadata;
        if (await AuthenticateAsync(frame, cancellationToken).ConfigureAwait(false) is { } failure)
        {
            Send(BlackholeReplies.Error(frame.RequestId, failure));
            return;
        }
        switch (frame.Action)
        {
            case BlackholeProtocol.Ping:
                Send(BlackholeReplies.Pong(frame.RequestId));
                break;
            case BlackholeProtocol.Subscribe:
                await SubscribeAsync(frame, cancellationToken).ConfigureAwait(false);
                break;
            case BlackholeProtocol.Unsubscribe:
                await UnsubscribeAsync(frame).ConfigureAwait(false);
                break;
            default:
                Send(BlackholeReplies.Error(frame.RequestId, BlackholeErrors.UnknownAction(frame.Action)));
                break;
        }
    }

    /// <summary>A binary frame: Blackhole reads text frames only.</summary>
    public void HandleBinary() => Send(BlackholeReplies.Error(BlackholeFrame.NewRequestId(), BlackholeErrors.BinaryFrame));

    /// <summary>Leaves every binding of the session (the socket closed); the hub ends those no other session holds.</summary>
    public async ValueTask DisposeAsync()
    {
        List<IAsyncDisposable> ending;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }
            disposed = true;
            ending = [.. listeners.Values.Select(l => l.Membership).OfType<IAsyncDisposable>()];
            listeners.Clear();
            bindings.Clear();
        }
        foreach (var subscription in ending)
        {
            await EndQuietlyAsync(subscription).ConfigureAwait(false);
        }
    }

    // bh_token_auth: only until the session is authenticated; the frame's token, else the connection's.
    private async Task<string?> AuthenticateAsync(BlackholeFrame frame, CancellationToken cancellationToken)
    {
        if (claims is not null)
        {
            return null;
        }
        var token = frame.AuthToken ?? connectToken;
        if (token is null)
        {
            return BlackholeErrors.AuthenticationTokenRequired;
        }
        claims = await authenticator.AuthenticateAsync(token, cancellationToken).ConfigureAwait(false);
        return claims is null ? BlackholeErrors.FailedToAuthenticate(token) : null;
    }

    // A refused frame means the socket is closing (its queue overflowed or it is shutting down): it stays refused.
    private void Send(byte[] frame)
    {
        if (!outbox.TryEnqueue(frame))
        {
            outboxClosed = true;
        }
    }

    // The hub ends the bus subscription quietly itself; this only guards against a hub being torn down meanwhile.
    private async Task EndQuietlyAsync(IAsyncDisposable membership)
    {
        try
        {
            await membership.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is BusUnavailableException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            LogUnsubscribeFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Websocket subscription to {AmqpBinding} failed: the bus is unavailable")]
    private partial void LogSubscribeFailed(Exception exception, string amqpBinding);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Leaving a websocket binding failed")]
    private partial void LogUnsubscribeFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Websocket subscription for account {AccountId} refused: the datastore is unavailable")]
    private partial void LogAuthorizeFailed(Exception exception, string accountId);
}
