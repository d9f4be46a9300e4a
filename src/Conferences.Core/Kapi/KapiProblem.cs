namespace Conferences.Core.Kapi;

public sealed record KapiProblem(string Key, string Reason)
{
    public override string ToString() => $"{Key}: {Reason}";
}
