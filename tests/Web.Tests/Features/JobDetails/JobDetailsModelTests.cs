using System.Text.Json;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Clients.Hub;
using TrainingService.Web.Features.JobDetails;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.JobDetails;

public sealed class JobDetailsModelTests
{
    private static readonly Guid JobId = Samples.JobId;

    [Fact]
    public void Progress_combines_finished_epochs_with_the_batch_share_of_the_running_one()
    {
        var model = Loaded(JobStatus.Running, totalEpochs: 4, Samples.Metric(1));

        model.Apply(new BatchProgressEvent(JobId, Epoch: 2, Batch: 250, BatchesPerEpoch: 1000, Loss: 0.3, Accuracy: 0.9));

        var progress = model.Progress;
        Assert.Equal(1, progress.CompletedEpochs);
        Assert.Equal(2, progress.RunningEpoch);
        Assert.Equal(0.25, progress.EpochFraction, precision: 6);
        Assert.Equal(1.25 / 4, progress.OverallFraction, precision: 6);
    }

    [Fact]
    public void Batches_of_an_epoch_already_completed_do_not_count_as_running()
    {
        var model = Loaded(JobStatus.Running, totalEpochs: 4, Samples.Metric(1), Samples.Metric(2));

        model.Apply(new BatchProgressEvent(JobId, Epoch: 2, Batch: 999, BatchesPerEpoch: 1000, Loss: 0.3, Accuracy: 0.9));

        Assert.Null(model.Progress.RunningEpoch);
        Assert.Equal(0.5, model.Progress.OverallFraction, precision: 6);
    }

    [Fact]
    public void Events_for_other_jobs_change_nothing()
    {
        var model = Loaded(JobStatus.Running, totalEpochs: 4, Samples.Metric(1));

        model.Apply(Samples.EpochEvent(Guid.NewGuid(), epoch: 2));
        var finished = model.Apply(new JobStatusChangedEvent(Guid.NewGuid(), JobStatus.Failed, "boom", 1, 4, null, Samples.Start));

        Assert.False(finished);
        Assert.Equal(1, model.Metrics.LastEpoch);
        Assert.Equal(JobStatus.Running, model.Job!.Status);
    }

    [Fact]
    public void A_final_status_asks_for_a_fresh_read()
    {
        var model = Loaded(JobStatus.Running, totalEpochs: 4);

        var finished = model.Apply(new JobStatusChangedEvent(JobId, JobStatus.Failed, "CUDA out of memory", 1, 4, null, Samples.Start));

        Assert.True(finished);
        Assert.Equal(JobStatus.Failed, model.Job!.Status);
        Assert.Equal("CUDA out of memory", model.Job.Error);
    }

    [Fact]
    public void A_new_attempt_drops_the_curves_of_the_previous_one()
    {
        var model = Loaded(JobStatus.Running, totalEpochs: 4, Samples.Metric(1), Samples.Metric(2), Samples.Metric(3));

        model.Load(Job(JobStatus.Running, 4) with { Attempt = 2 }, [Samples.Metric(1)], []);

        Assert.Equal([1], model.Metrics.Points.Select(p => p.Epoch));
    }

    [Fact]
    public void A_status_change_brings_its_reason_and_stop_request_without_a_fresh_read()
    {
        var model = Loaded(JobStatus.Running, totalEpochs: 4);

        var reread = model.Apply(new JobStatusChangedEvent(JobId, JobStatus.Running, null, 1, 4, null, Samples.Start)
        {
            StopRequest = JobStopRequest.Pause,
            Reason = "pause requested by the user",
            Attempt = 1,
        });

        Assert.False(reread);
        Assert.Equal(JobStopRequest.Pause, model.Job!.StopRequest);
        Assert.Equal("pause requested by the user", model.Job.StatusReason);
    }

    [Fact]
    public void A_status_change_of_a_newer_attempt_asks_for_a_fresh_read()
    {
        var model = Loaded(JobStatus.Running, totalEpochs: 4, Samples.Metric(1), Samples.Metric(2));

        var reread = model.Apply(new JobStatusChangedEvent(JobId, JobStatus.Running, null, 2, 4, null, Samples.Start) { Attempt = 2 });

        Assert.True(reread);
        // Left at the old attempt so that the re-read sees the change and drops the old attempt's live points.
        Assert.Equal(1, model.Job!.Attempt);
    }

    [Fact]
    public void Attempts_become_resume_markers_on_both_axes()
    {
        var model = Loaded(JobStatus.Running, totalEpochs: 4);

        model.SetAttempts([
            new AttemptDto(1, "a", Samples.Start, Samples.Start, "crashed", 0, 0, null),
            new AttemptDto(2, "b", Samples.Start, null, null, 1, 938, null),
        ]);

        Assert.Equal(1, Assert.Single(model.EpochResumes).Position);
        Assert.Equal(938, Assert.Single(model.StepResumes).Position);
    }

    [Fact]
    public void An_unknown_job_is_reported_as_not_found()
    {
        var model = new JobDetailsModel();
        model.Reset(JobId);

        model.Load(null, [], []);

        Assert.True(model.NotFound);
    }

    private static JobDetailsModel Loaded(JobStatus status, int totalEpochs, params EpochMetricDto[] metrics)
    {
        var model = new JobDetailsModel();
        model.Reset(JobId);
        model.Load(Job(status, totalEpochs), metrics, []);
        return model;
    }

    private static JobDto Job(JobStatus status, int totalEpochs) =>
        new(JobId, "job", status, JsonElement.Parse("{}"), Samples.Start, null, null, 0, totalEpochs, 1, null, null, null);
}
