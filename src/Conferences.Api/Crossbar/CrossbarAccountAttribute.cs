namespace Conferences.Api.Crossbar;

/// <summary>Marks a controller whose routes carry <c>{account_id}</c> and need crossbar's account checks.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CrossbarAccountAttribute : TypeFilterAttribute
{
    public CrossbarAccountAttribute()
        : base(typeof(CrossbarAccountFilter))
    {
    }
}
