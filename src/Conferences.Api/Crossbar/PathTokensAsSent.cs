using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Conferences.Api.Crossbar;

/// <summary>
/// Path tokens reach the actions exactly as sent: MVC would turn a blank one (<c>…/conferences/%20</c>) into null,
/// while crossbar takes any path token as an id (cb_conferences:validate/2) — a blank id is just an unknown one.
/// </summary>
public sealed class PathTokensAsSent : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.DisplayMetadata.ConvertEmptyStringToNull = false;
    }
}
