using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using TrainingService.Contracts.Datasets;
using TrainingService.Contracts.Models;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Features.Shared;

namespace TrainingService.Web.Features.NewJob;

/// <summary>
/// <c>/jobs/new</c>, or <c>/jobs/new?from={id}</c> to run a job again: a form over the job specification that asks
/// the Api's <c>POST /api/jobs/validate</c> after each pause in editing and shows its problems by their fields,
/// and queues nothing until Submit.
/// </summary>
public sealed partial class NewJobPage
{
    public const string AgainSuffix = " (again)";

    private SpecForm? form;
    private IReadOnlyList<ModelResource> models = [];
    private DatasetListResource datasets = new([], []);
    private IReadOnlyList<SpecSection> sections = [];
    private JobDto? source;
    private bool sourceMissing;
    private bool submitting;
    private string? submitError;
    private CancellationTokenSource? pendingCheck;

    [Inject]
    private TrainingApiClient Api { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "from")]
    public Guid? From { get; set; }

    /// <summary>How long editing must pause before the draft is checked; a check per keystroke would flood the Api.</summary>
    [Parameter]
    public TimeSpan CheckDelay { get; set; } = TimeSpan.FromMilliseconds(400);

    private int Classes => form?.Validation?.Input.ClassCount
        ?? datasets.BuiltIn.FirstOrDefault(d => d.Name == form?.Draft.Text(NewJobFields.DatasetName))?.ClassNames.Count
        ?? 10;

    private string CheckState => form switch
    {
        null => "",
        { IsValid: true } => "The Api accepts this spec.",
        { IsChecked: true } => "Fix the problems shown before submitting.",
        _ => "Checking…",
    };

    protected override Task OnInitializedAsync() => RefreshAsync();

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (form is not null)
        {
            return;
        }

        var modelList = Api.GetModelsAsync(cancellationToken);
        var datasetList = Api.GetDatasetsAsync(cancellationToken);
        var job = From is { } id ? Api.GetJobAsync(id, cancellationToken) : Task.FromResult<JobDto?>(null);
        await Task.WhenAll(modelList, datasetList, job);
        models = await modelList;
        datasets = await datasetList;
        source = await job;
        sourceMissing = From is not null && source is null;
        var draft = source is { } again ? SpecDraft.FromStoredSpec(again.Spec, AgainSuffix) : SpecDraft.From(Starter());
        form = new SpecForm(draft, OnEdited);
        sections = NewJobFields.Sections(draft);
        if (RendererInfo.IsInteractive)
        {
            await CheckAsync(cancellationToken);
        }
    }

    /// <summary>A spec the Api takes as it is, so the summary shows from the start: the first zoo entry on the first dataset, briefly.</summary>
    private JsonObject Starter() => new()
    {
        ["model"] = new JsonObject { ["name"] = models.FirstOrDefault(m => m.Name == "lenet5")?.Name ?? models.FirstOrDefault()?.Name },
        ["dataset"] = new JsonObject { ["name"] = datasets.BuiltIn.FirstOrDefault(d => d.Name == "mnist")?.Name ?? datasets.BuiltIn.FirstOrDefault()?.Name },
        ["hyperparameters"] = new JsonObject { ["epochs"] = 1, ["batchSize"] = 64, ["learningRate"] = 0.05 },
    };

    private void OnEdited()
    {
        sections = NewJobFields.Sections(form!.Draft);
        submitError = null;
        // The edit came through a child's handler, which re-renders only the child; the JSON, the sections and the
        // other inputs follow the draft at once.
        StateHasChanged();
        pendingCheck?.Cancel();
        pendingCheck = new CancellationTokenSource();
        _ = CheckLaterAsync(pendingCheck.Token);
    }

    private async Task CheckLaterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(CheckDelay, cancellationToken);
            await InvokeAsync(async () =>
            {
                await RunApiAsync(CheckAsync);
                StateHasChanged();
            });
        }
        catch (OperationCanceledException)
        {
            // A later edit restarted the wait.
        }
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        var version = form!.Draft.Version;
        var answer = await Api.ValidateJobAsync(form.Draft.ToJsonObject(), cancellationToken);
        if (version != form.Draft.Version)
        {
            // Edited while the Api answered; the check already scheduled for the newer draft will say.
            return;
        }

        if (answer.Value is { } validation)
        {
            form.Accept(version, validation);
        }
        else
        {
            form.Refuse(version, answer.Errors);
        }
    }

    private async Task SubmitAsync()
    {
        if (form is null || submitting)
        {
            return;
        }

        pendingCheck?.Cancel();
        submitting = true;
        submitError = null;
        try
        {
            var version = form.Draft.Version;
            var answer = await Api.SubmitJobAsync(form.Draft.ToJsonObject());
            if (answer.Value is { } job)
            {
                Navigation.NavigateTo($"jobs/{job.Id}");
                return;
            }

            form.Refuse(version, answer.Errors);
            submitError = "The Api refused the spec; see the problems shown.";
        }
        catch (ApiKeyRejectedException)
        {
            submitError = "Your key is no longer valid; sign in again.";
        }
        catch (TrainingApiException exception)
        {
            submitError = exception.Message;
        }
        finally
        {
            submitting = false;
        }
    }

    protected override ValueTask OnClosingAsync()
    {
        pendingCheck?.Cancel();
        pendingCheck?.Dispose();
        return ValueTask.CompletedTask;
    }
}
