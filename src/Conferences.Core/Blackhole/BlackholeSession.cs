namespace Conferences.Core.Blackhole;

/// <summary>One websocket client (<c>blackhole_socket_callback.erl</c>); frames are handled one at a time, in Kazoo's
/// order.</summary>
public sealed partial class BlackholeSession : IAsyncDisposable
{
    private readonly IBlackholeAuthenticator authenticator;
    private readonly BlackholeSender sender;
    private readonly BlackholeSubscriptions subscriptions;
    private readonly ILogger<BlackholeSession> logger;
    private TokenClaims? claims;
    private string? connectToken;

    public BlackholeSession(
        IBlackholeAuthenticator authenticator,
        BlackholeEventHub hub,
        IConferenceSnapshots snapshots,
        IBlackholeOutbox outbox,
        BlackholeSessionOptions options,
        ILogger<BlackholeSession> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.authenticator = authenticator;
        this.logger = logger;
        sender = new BlackholeSender(outbox);
        subscriptions = new BlackholeSubscriptions(hub, new BlackholeStarts(hub, snapshots), sender, options.MaxBindings, logger);
    }

    public TokenClaims? Claims => claims;

    /// <summary>The <c>name</c> and <c>metadata</c> of the latest frame that had them (stored, as Blackhole does).</summary>
    public JsonNode? Name { get; private set; }

    public JsonNode? Metadata { get; private set; }

    public IReadOnlyList<BlackholeBinding> Bindings => subscriptions.Bindings;

    /// <summary>A valid query-string token authenticates at once; any other is used by the first frame that needs
    /// one.</summary>
    public async Task AuthenticateOnConnectAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return;
        }
        connectToken = token;
        claims = await authenticator.AuthenticateAsync(token, cancellationToken).ConfigureAwait(false);
    }

    public async Task HandleAsync(ReadOnlyMemory<byte> text, CancellationToken cancellationToken)
    {
        ConferencesMetrics.WebsocketFrames.Add(1, new KeyValuePair<string, object?>("direction", "received"));
        var frame = BlackholeFrame.Parse(text.Span);
        using var activity = ConferencesTelemetry.Source.StartActivity("websocket frame")?.SetTag("blackhole.action", frame?.Action);
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

    public ValueTask DisposeAsync() => subscriptions.DisposeAsync();

    // validate → authorize → command, each failing step answering with its errors (blackhole_socket_callback:recv/2)
    private async Task SubscribeAsync(BlackholeFrame frame, CancellationToken ct)
    {
        if (BlackholeSubscriptionValidator.Validate(frame, sender) is not { } request)
        {
            return;
        }
        if (await AuthorizeAsync(request.AccountId, ct).ConfigureAwait(false) is { } refusal)
        {
            Send(BlackholeReplies.Error(frame.RequestId, refusal));
            return;
        }
        if (!RefuseUnknownFamily(frame, request))
        {
            await subscriptions.SubscribeAsync(frame.RequestId, request, ct).ConfigureAwait(false);
        }
    }

    // Not authorized in Kazoo either: removing a binding the session does not hold changes nothing.
    private async Task UnsubscribeAsync(BlackholeFrame frame)
    {
        if (BlackholeSubscriptionValidator.Validate(frame, sender) is { } request && !RefuseUnknownFamily(frame, request))
        {
            await subscriptions.UnsubscribeAsync(frame.RequestId, request).ConfigureAwait(false);
        }
    }

    private bool RefuseUnknownFamily(BlackholeFrame frame, BlackholeSubscriptionRequest request)
    {
        if (!request.Parsed.Any(p => p.IsUnknownFamily))
        {
            return false;
        }
        Send(BlackholeReplies.Error(frame.RequestId, BlackholeErrors.NoAvailableSubscriptions));
        return true;
    }

    // bh_authz_subscribe: "*" for super-duper admins only; otherwise the token's account or a descendant.
    private async Task<string?> AuthorizeAsync(string accountId, CancellationToken ct)
    {
        var who = claims!;
        if (accountId == BlackholeProtocol.AnyAccount)
        {
            return who.IsSuperDuperAdmin ? null : BlackholeErrors.UnauthorizedWildcardAccountId;
        }
        try
        {
            return await authenticator.MayAccessAsync(who, accountId, ct).ConfigureAwait(false) ? null : BlackholeErrors.UnauthorizedAccountId;
        }
        catch (DatastoreUnavailableException e)
        {
            LogAuthorizeFailed(e, accountId);
            return BlackholeErrors.DatastoreUnavailable;
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

    private void Send(byte[] frame) => sender.Send(frame);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Websocket subscription for account {AccountId} refused: the datastore is unavailable")]
    private partial void LogAuthorizeFailed(Exception exception, string accountId);
}
