namespace Conferences.Core.Realtime;

/// <summary>How an account resync went (<see cref="LiveConferenceSync.SyncAccountAsync"/>).</summary>
public enum AccountSyncResult
{
    /// <summary>No media manager is known: nothing was published, the state is as the events made it.</summary>
    NobodyToAsk,

    /// <summary>Every known manager answered every search: the account's state is what they said.</summary>
    Complete,

    /// <summary>Some manager stayed silent until a collect timed out: what answered was applied, nothing disproved.</summary>
    Partial,
}
