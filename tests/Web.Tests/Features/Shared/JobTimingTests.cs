using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Features.Shared;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.Shared;

public sealed class JobTimingTests
{
    private static readonly DateTimeOffset Started = Samples.Start;

    [Fact]
    public void A_running_job_without_metrics_is_expected_to_keep_its_pace_per_epoch_so_far()
    {
        var job = Job(JobStatus.Running, currentEpoch: 2, totalEpochs: 5);

        var timing = JobTiming.Of(job, [], null, Started.AddMinutes(10));

        Assert.Equal(TimeSpan.FromMinutes(10), timing.Elapsed);
        Assert.Equal(TimeSpan.FromMinutes(15), timing.Remaining);
        Assert.Equal("15 min 00 s", timing.RemainingText);
    }

    [Fact]
    public void Measured_epoch_seconds_set_the_pace_and_live_batches_count_the_epoch_in_progress()
    {
        var job = Job(JobStatus.Running, currentEpoch: 2, totalEpochs: 4);
        var metrics = new[] { Samples.Metric(1) with { EpochSeconds = 30 }, Samples.Metric(2) with { EpochSeconds = 50 } };
        var batch = new BatchProgressEvent(job.Id, Epoch: 3, Batch: 25, BatchesPerEpoch: 100, Loss: 0.3, Accuracy: 0.9);

        var timing = JobTiming.Of(job, metrics, batch, Started.AddMinutes(3));

        Assert.Equal(TimeSpan.FromSeconds(40 * 1.75), timing.Remaining);
        Assert.Equal("1 min 10 s", timing.RemainingText);
    }

    [Fact]
    public void A_batch_of_an_epoch_already_counted_does_not_count_twice()
    {
        var job = Job(JobStatus.Running, currentEpoch: 3, totalEpochs: 4);
        var stale = new BatchProgressEvent(job.Id, Epoch: 3, Batch: 90, BatchesPerEpoch: 100, Loss: 0.3, Accuracy: 0.9);

        var timing = JobTiming.Of(job, [], stale, Started.AddMinutes(6));

        Assert.Equal(TimeSpan.FromMinutes(2), timing.Remaining);
    }

    [Fact]
    public void A_finished_job_shows_its_whole_run_and_no_eta()
    {
        var job = Job(JobStatus.Succeeded, currentEpoch: 5, totalEpochs: 5) with { FinishedAt = Started.AddHours(2).AddMinutes(7) };

        var timing = JobTiming.Of(job, [], null, Started.AddDays(3));

        Assert.Equal("2 h 07 min", timing.ElapsedText);
        Assert.Null(timing.Remaining);
        Assert.Equal("—", timing.RemainingText);
    }

    [Theory]
    [InlineData(JobStatus.Queued)]
    [InlineData(JobStatus.Paused)]
    public void A_job_that_is_not_running_has_no_elapsed_time_or_eta_to_tell(JobStatus status)
    {
        var timing = JobTiming.Of(Job(status, currentEpoch: 1, totalEpochs: 5), [], null, Started.AddMinutes(5));

        Assert.Equal(("—", "—"), (timing.ElapsedText, timing.RemainingText));
    }

    [Fact]
    public void A_job_that_has_not_started_or_run_an_epoch_has_no_eta()
    {
        Assert.Equal(JobTiming.None, JobTiming.Of(Job(JobStatus.Running, 0, 5) with { StartedAt = null }, [], null, Started));
        var justStarted = JobTiming.Of(Job(JobStatus.Running, 0, 5), [], null, Started.AddSeconds(42));
        Assert.Equal("42 s", justStarted.ElapsedText);
        Assert.Null(justStarted.Remaining);
    }

    private static JobDto Job(JobStatus status, int currentEpoch, int totalEpochs) => new(
        Samples.JobId, "lenet", status, default, Started.AddMinutes(-1), Started, null, currentEpoch, totalEpochs, 1, "w", null, null);
}
