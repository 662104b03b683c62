using TrainingService.Web.Clients.Api;
using TrainingService.Web.Features.Shared;

namespace TrainingService.Web.Tests.Features.Shared;

public sealed class JobStatusStyleTests
{
    [Theory]
    [InlineData(JobStatus.Queued, "badge badge-queued")]
    [InlineData(JobStatus.Running, "badge badge-running")]
    [InlineData(JobStatus.Paused, "badge badge-paused")]
    [InlineData(JobStatus.Succeeded, "badge badge-succeeded")]
    [InlineData(JobStatus.Failed, "badge badge-failed")]
    [InlineData(JobStatus.Cancelled, "badge badge-cancelled")]
    public void Each_status_has_its_own_badge_colour(JobStatus status, string expected) =>
        Assert.Equal(expected, status.BadgeClass());

    [Fact]
    public void No_two_statuses_share_a_badge()
    {
        var classes = Enum.GetValues<JobStatus>().Select(s => s.BadgeClass()).ToList();

        Assert.Equal(classes.Count, classes.Distinct().Count());
    }

    [Theory]
    [InlineData(JobStatus.Queued, false)]
    [InlineData(JobStatus.Running, false)]
    [InlineData(JobStatus.Paused, false)]
    [InlineData(JobStatus.Succeeded, true)]
    [InlineData(JobStatus.Failed, true)]
    [InlineData(JobStatus.Cancelled, true)]
    public void Only_finished_statuses_are_terminal(JobStatus status, bool terminal) =>
        Assert.Equal(terminal, status.IsTerminal());
}
