using Conferences.Core.Conferences;

namespace Conferences.Api.Crossbar;

/// <summary>The answers of the conference GETs, from the rendered reads (<see cref="ConferenceReads"/>); one home for
/// the read endpoint and the MVC actions it stands in for.</summary>
public sealed class ConferenceReadAnswers(ConferenceReads reads, ConferenceService conferences)
{
    /// <summary>One conference with its ETag (304 on a matching <c>If-None-Match</c>).</summary>
    public async Task GetAsync(HttpContext http, CrossbarContext context, string conferenceId)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (EnvelopeWriter.IsPrettyPrint(http))
        {
            // indented output re-renders the document; the kept bytes are compact
            await Responses.Ok(await conferences.GetAsync(context, conferenceId, http.RequestAborted).ConfigureAwait(false), etag: true)
                .WriteAsync(http).ConfigureAwait(false);
            return;
        }
        var read = await reads.GetAsync(context, conferenceId, http.RequestAborted).ConfigureAwait(false);
        await new CrossbarResult(new Envelope
        {
            Status = StatusCodes.Status200OK,
            RenderedData = read.Data,
            Revision = read.Revision,
            RenderedMetadata = read.Metadata,
        })
        { SendETag = true }.WriteAsync(http).ConfigureAwait(false);
    }

    public async Task ListAsync(HttpContext http, CrossbarContext context)
    {
        ArgumentNullException.ThrowIfNull(http);
        await Responses.List(await reads.ListAsync(context, http.RequestAborted).ConfigureAwait(false)).WriteAsync(http).ConfigureAwait(false);
    }
}
