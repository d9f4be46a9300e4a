namespace Conferences.Core.Realtime;

/// <summary>A member's twelve <c>Conference-Channel-Vars</c> in two bit sets and three numbers (docs/amqp.md, "Live
/// conference state").</summary>
public readonly record struct LiveChannelVars
{
    // The order of the participant object (cb_conferences.erl example).
    private static readonly (ChannelFlag Flag, string Name)[] FlagNames =
    [
        (ChannelFlag.IsModerator, "is_moderator"), (ChannelFlag.Floor, "floor"), (ChannelFlag.Video, "video"),
        (ChannelFlag.See, "see"), (ChannelFlag.Speak, "speak"), (ChannelFlag.Hear, "hear"),
        (ChannelFlag.Talking, "talking"), (ChannelFlag.MuteDetect, "mute_detect"),
    ];

    // The keys a flag arrives under, in any case: its name or Kazoo's header form of it (is_moderator, Is-Moderator).
    private static readonly Dictionary<string, ChannelFlag> FlagKeys = KeysOf([.. FlagNames, (ChannelFlag.MemberGhost, "member_ghost")]);

    private readonly ChannelFlag present;
    private readonly ChannelFlag values;

    private LiveChannelVars(ChannelFlag present, ChannelFlag values, long? energyLevel, long? currentEnergy, long? memberId)
    {
        this.present = present;
        this.values = values & present;
        EnergyLevel = energyLevel;
        CurrentEnergy = currentEnergy;
        MemberId = memberId;
    }

    public long? EnergyLevel { get; }

    public long? CurrentEnergy { get; }

    public long? MemberId { get; }

    public bool? IsModerator => Get(ChannelFlag.IsModerator);

    public bool? Floor => Get(ChannelFlag.Floor);

    public bool? Video => Get(ChannelFlag.Video);

    public bool? See => Get(ChannelFlag.See);

    public bool? Speak => Get(ChannelFlag.Speak);

    public bool? Hear => Get(ChannelFlag.Hear);

    public bool? Talking => Get(ChannelFlag.Talking);

    public bool? MuteDetect => Get(ChannelFlag.MuteDetect);

    public bool? MemberGhost => Get(ChannelFlag.MemberGhost);

    private static Dictionary<string, ChannelFlag> KeysOf((ChannelFlag Flag, string Name)[] flags)
    {
        var keys = new Dictionary<string, ChannelFlag>(StringComparer.OrdinalIgnoreCase);
        foreach (var (flag, name) in flags)
        {
            keys[name] = flag;
            keys[name.Replace('_', '-')] = flag;
        }
        return keys;
    }

    public bool? Get(ChannelFlag flag) => (present & flag) == 0 ? null : (values & flag) != 0;

    /// <summary>The same vars with <paramref name="flag"/> set (what a mute, deaf or talking event implies).</summary>
    public LiveChannelVars With(ChannelFlag flag, bool value) =>
        new(present | flag, value ? values | flag : values & ~flag, EnergyLevel, CurrentEnergy, MemberId);

    /// <summary>Booleans and numbers may arrive as their strings.</summary>
    public static LiveChannelVars From(JsonObject vars)
    {
        ArgumentNullException.ThrowIfNull(vars);
        ChannelFlag present = 0, values = 0;
        long? energy = null, current = null, member = null;
        foreach (var (key, node) in vars)
        {
            if (FlagKeys.TryGetValue(key, out var flag))
            {
                if (LiveJson.TryGetBool(node, out var value))
                {
                    present |= flag;
                    values = value ? values | flag : values & ~flag;
                }
            }
            else if (IsKey(key, "Energy-Level", "energy_level"))
            {
                energy = LiveJson.GetLong(node) ?? energy;
            }
            else if (IsKey(key, "Current-Energy", "current_energy"))
            {
                current = LiveJson.GetLong(node) ?? current;
            }
            else if (IsKey(key, "Member-ID", "member_id"))
            {
                member = LiveJson.GetLong(node) ?? member;
            }
        }
        return new(present, values, energy, current, member);
    }

    /// <summary>Writes the normalised object <c>conference_channel_vars</c> of the participant object (<c>cb_conferences.erl</c>).</summary>
    public void WriteNormalized(JsonObject target)
    {
        ArgumentNullException.ThrowIfNull(target);
        foreach (var (flag, name) in FlagNames)
        {
            if (Get(flag) is { } value)
            {
                target[name] = value;
            }
        }
        if (EnergyLevel is { } energy)
        {
            target["energy_level"] = energy;
        }
        if (CurrentEnergy is { } current)
        {
            target["current_energy"] = current;
        }
        if (MemberId is { } member)
        {
            target["member_id"] = member;
        }
        if (MemberGhost is { } ghost)
        {
            target["member_ghost"] = ghost;
        }
    }

    /// <summary>The flat copies of docs/compatibility.md D6.</summary>
    public void WriteFlat(JsonObject target)
    {
        ArgumentNullException.ThrowIfNull(target);
        foreach (var (flag, name) in FlagNames)
        {
            if (flag != ChannelFlag.See && Get(flag) is { } value)
            {
                target[name] = value;
            }
        }
        if (EnergyLevel is { } energy)
        {
            target["energy_level"] = energy;
        }
        if (CurrentEnergy is { } current)
        {
            target["current_energy"] = current;
        }
    }

    private static bool IsKey(string key, string wire, string normalized) =>
        string.Equals(key, wire, StringComparison.OrdinalIgnoreCase) || string.Equals(key, normalized, StringComparison.Ordinal);
}
