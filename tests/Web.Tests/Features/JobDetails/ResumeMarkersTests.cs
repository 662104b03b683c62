using TrainingService.Web.Clients.Api;
using TrainingService.Web.Features.JobDetails;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.JobDetails;

public sealed class ResumeMarkersTests
{
    [Fact]
    public void The_first_attempt_is_the_start_of_the_run_not_a_resume()
    {
        Assert.Empty(ResumeMarkers.OnEpochAxis([Attempt(1, epoch: 0, step: 0)]));
        Assert.Empty(ResumeMarkers.OnStepAxis([]));
    }

    [Fact]
    public void Each_later_attempt_is_marked_where_it_started_on_either_axis()
    {
        AttemptDto[] attempts = [Attempt(1, 0, 0), Attempt(2, 2, 1876), Attempt(3, 4, 3752)];

        Assert.Equal([new ResumeMarker(2, "attempt 2 resumed"), new ResumeMarker(4, "attempt 3 resumed")], ResumeMarkers.OnEpochAxis(attempts));
        Assert.Equal([new ResumeMarker(1876, "attempt 2 resumed"), new ResumeMarker(3752, "attempt 3 resumed")], ResumeMarkers.OnStepAxis(attempts));
    }

    [Fact]
    public void Attempts_that_started_at_the_same_place_share_one_marker()
    {
        // Two pauses within epoch 3: the same epoch count, different steps.
        AttemptDto[] attempts = [Attempt(1, 0, 0), Attempt(2, 2, 1876), Attempt(3, 2, 2100)];

        Assert.Equal([new ResumeMarker(2, "attempts 2, 3 resumed")], ResumeMarkers.OnEpochAxis(attempts));
        Assert.Equal(2, ResumeMarkers.OnStepAxis(attempts).Count);
    }

    [Fact]
    public void A_marker_is_a_vertical_line_across_the_span_it_is_given()
    {
        Assert.Equal([new MarkerPoint(2, 0.1), new MarkerPoint(2, 0.9)], ResumeMarkers.Line(new ResumeMarker(2, "attempt 2 resumed"), 0.1, 0.9));
    }

    private static AttemptDto Attempt(int attempt, int epoch, long step) =>
        new(attempt, "gpu-host:4242", Samples.Start, null, null, epoch, step, null);
}
