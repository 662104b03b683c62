using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Configuration;
using TrainingService.Web.Features.Shared;

namespace TrainingService.Web.Features.Sweeps;

public sealed partial class NewSweepPage
{
    private static readonly string[] FormFields =
    [
        "name", "base", "parameters", "method", "seed", "maxTrials", "maxConcurrent", "metric", "mode",
        "earlyStopping", "earlyStopping.gracePeriod", "earlyStopping.reductionFactor",
    ];

    private SweepForm? form;
    private JobDto? sourceJob;
    private bool sourceMissing;
    private FieldProblems problems = FieldProblems.None;
    private string? refusal;
    private string? copyNote;
    private bool busy;

    [Inject]
    private TrainingApiClient Api { get; set; } = default!;

    [Inject]
    private ApiEndpoints Endpoints { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>The job whose spec becomes the base: "Sweep from this job" on a job page links here with it.</summary>
    [SupplyParameterFromQuery(Name = "from")]
    public string? FromText { get; set; }

    /// <summary>The JSON the Api will get, as it will get it; <see langword="null"/> while the form cannot make one.</summary>
    private string? Preview => form?.Build() is { Submission: { } submission } ? SubmissionJson.Serialize(submission) : null;

    protected override async Task OnParametersSetAsync()
    {
        if (form is not null)
        {
            return;
        }

        if (!Guid.TryParse(FromText, out _))
        {
            sourceMissing = !string.IsNullOrWhiteSpace(FromText);
            form = SweepForm.Blank();
            return;
        }

        await RefreshAsync();
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (form is not null || !Guid.TryParse(FromText, out var jobId))
        {
            return;
        }

        sourceJob = await Api.GetJobAsync(jobId, cancellationToken);
        sourceMissing = sourceJob is null;
        form = sourceJob is { } job ? SweepForm.FromJob(job) : SweepForm.Blank();
    }

    private static string RowField(SweepParameterRow row) => $"parameters.{row.Path.Trim()}";

    private static string ValuesPlaceholder(SweepParameterRow row) =>
        SearchableFields.Find(row.Path.Trim()) is { IsChoice: true } field ? string.Join(", ", field.Choices) : "0.01, 0.05, 0.1";

    // A path picked from the list brings the kind of range that suits it; a row already given values keeps its kind.
    private static void SuggestKind(SweepParameterRow row)
    {
        if (SearchableFields.Find(row.Path.Trim()) is { } field && row.ValuesText.Length == 0 && row.Min is null && row.Max is null)
        {
            row.Kind = field.Suggested;
        }
    }

    private string Curl(string json) => CurlCommand.Post(Endpoints.ToPublic("api/sweeps"), json);

    private async Task CopyCurlAsync()
    {
        if (Preview is not { } json)
        {
            return;
        }

        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", Curl(json));
            copyNote = "Copied, with $KEY in place of your key.";
        }
        catch (JSException)
        {
            copyNote = "The browser did not allow copying; the command is below.";
        }
    }

    private async Task SubmitAsync()
    {
        if (form is null || busy)
        {
            return;
        }

        refusal = null;
        var built = form.Build();
        if (built.Submission is not { } submission)
        {
            problems = Problems(built.Errors);
            return;
        }

        busy = true;
        try
        {
            var created = await Api.SubmitSweepAsync(SubmissionJson.Serialize(submission));
            problems = FieldProblems.None;
            Navigation.NavigateTo($"sweeps/{created.Id}");
        }
        catch (ApiRefusedException ex) when (ex.Errors.Count > 0)
        {
            problems = Problems(ex.Errors);
        }
        catch (TrainingApiException ex)
        {
            problems = FieldProblems.None;
            refusal = ex.Message;
        }
        finally
        {
            busy = false;
        }
    }

    private FieldProblems Problems(IReadOnlyDictionary<string, string[]> errors) =>
        FieldProblems.Place(errors, FormFields.Concat(form!.Rows.Select(RowField)).ToHashSet(StringComparer.Ordinal));
}
