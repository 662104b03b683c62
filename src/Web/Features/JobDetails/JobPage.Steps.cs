using TrainingService.Web.Clients.Hub;

namespace TrainingService.Web.Features.JobDetails;

/// <summary>
/// The per-step loss curve. The Api stores an epoch's steps when the epoch completes, so the curve is
/// read with everything else and re-read once per <c>EpochCompleted</c>, never per batch.
/// </summary>
public sealed partial class JobPage
{
    // About one bucket per horizontal pixel of the chart; the Api's own default.
    private const int StepChartPoints = 1000;

    private Task OnEpochCompletedAsync(EpochCompletedEvent epoch) => OnUiThreadAsync(async () =>
    {
        if (epoch.JobId != model.JobId)
        {
            return;
        }

        model.Apply(epoch);
        // The epoch's row and table entry need not wait for the steps round trip.
        StateHasChanged();
        // The steps commit in the same transaction as the row this event announces, so they are readable now.
        await RunApiAsync(ct => ReadStepsAsync(epoch.JobId, ct));
    });

    private async Task ReadStepsAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var read = model.Steps.Begin();
        model.Steps.Complete(read, await Api.GetStepLossesAsync(jobId, StepChartPoints, cancellationToken));
    }
}
