namespace Conferences.Core.Kapi;

/// <summary>One reason a kapi message fails its definition: the key (or keys) concerned and what is wrong.</summary>
public sealed record KapiProblem(string Key, string Reason)
{
    public override string ToString() => $"{Key}: {Reason}";
}
