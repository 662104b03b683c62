using System.Text.Json;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Features.Shared;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.Shared;

public sealed class JobActionsTests
{
    [Theory]
    [InlineData(JobStatus.Queued, null, true, true, false)]
    [InlineData(JobStatus.Running, null, true, true, false)]
    [InlineData(JobStatus.Running, JobStopRequest.Pause, true, false, true)]
    [InlineData(JobStatus.Running, JobStopRequest.Cancel, false, false, false)]
    [InlineData(JobStatus.Paused, null, true, false, true)]
    [InlineData(JobStatus.Succeeded, null, false, false, false)]
    [InlineData(JobStatus.Failed, null, false, false, false)]
    [InlineData(JobStatus.Cancelled, null, false, false, false)]
    public void A_job_offers_only_the_actions_its_state_allows(
        JobStatus status, JobStopRequest? stopRequest, bool cancel, bool pause, bool resume)
    {
        var job = Job(status, stopRequest);

        Assert.Equal((cancel, pause, resume), (job.CanCancel(), job.CanPause(), job.CanResume()));
    }

    private static JobDto Job(JobStatus status, JobStopRequest? stopRequest) =>
        new JobDto(Samples.JobId, "job", status, JsonElement.Parse("{}"), Samples.Start, null, null, 0, 5, 1, null, null, null)
        {
            StopRequest = stopRequest,
        };
}
