using TrainingService.Core.Jobs;

namespace TrainingService.Core.Tests.Jobs;

public sealed class JobStatusTransitionsTests
{
    [Theory]
    [InlineData(JobStatus.Queued, JobStatus.Running, true)]
    [InlineData(JobStatus.Running, JobStatus.Succeeded, true)]
    [InlineData(JobStatus.Running, JobStatus.Failed, true)]
    [InlineData(JobStatus.Running, JobStatus.Cancelled, true)]
    [InlineData(JobStatus.Running, JobStatus.Queued, true)]
    [InlineData(JobStatus.Queued, JobStatus.Succeeded, false)]
    [InlineData(JobStatus.Succeeded, JobStatus.Running, false)]
    [InlineData(JobStatus.Failed, JobStatus.Running, false)]
    [InlineData(JobStatus.Cancelled, JobStatus.Queued, false)]
    public void The_job_state_machine_allows_only_its_named_moves(JobStatus from, JobStatus to, bool allowed)
    {
        Assert.Equal(allowed, JobStatusTransitions.IsAllowed(from, to));
    }

    [Fact]
    public void Succeeded_failed_and_cancelled_are_terminal()
    {
        var terminal = Enum.GetValues<JobStatus>().Where(JobStatusTransitions.IsTerminal);

        Assert.Equal([JobStatus.Succeeded, JobStatus.Failed, JobStatus.Cancelled], terminal);
    }
}
