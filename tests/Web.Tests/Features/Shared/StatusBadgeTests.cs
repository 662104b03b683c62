using Bunit;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Features.Shared;

namespace TrainingService.Web.Tests.Features.Shared;

public sealed class StatusBadgeTests : BunitContext
{
    [Fact]
    public void Renders_the_status_name_with_its_colour_class()
    {
        var badge = Render<StatusBadge>(p => p.Add(b => b.Status, JobStatus.Failed));

        badge.MarkupMatches("""<span class="badge badge-failed" data-status="Failed">Failed</span>""");
    }
}
