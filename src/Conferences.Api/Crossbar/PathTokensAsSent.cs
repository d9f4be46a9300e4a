using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Conferences.Api.Crossbar;

/// <summary>MVC would turn a blank path token (<c>…/conferences/%20</c>) into null; crossbar takes it as an unknown id
/// (<c>cb_conferences:validate/2</c>).</summary>
public sealed class PathTokensAsSent : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.DisplayMetadata.ConvertEmptyStringToNull = false;
    }
}
