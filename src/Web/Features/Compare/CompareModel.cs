using TrainingService.Web.Clients.Api;

namespace TrainingService.Web.Features.Compare;

/// <summary>Everything the comparison page shows, for the jobs its URL names.</summary>
public sealed class CompareModel
{
    public CompareSelection Selection { get; private set; } = CompareSelection.Parse(null);

    public IReadOnlyList<ComparedJob> Jobs { get; private set; } = [];

    /// <summary>The jobs the Api knows (and lets the caller see), in the URL's order.</summary>
    public IReadOnlyList<ComparedJob> Found => [.. Jobs.Where(j => j.Job is not null)];

    /// <summary>What the URL named that is not a job the caller can see: ids as given, and text that is not an id.</summary>
    public IReadOnlyList<string> NotFound =>
        [.. Selection.Malformed, .. Jobs.Where(j => j.Loaded && j.Job is null).Select(j => j.Id.ToString())];

    public bool Loaded => Jobs.All(j => j.Loaded);

    /// <summary>Ids past <see cref="CompareSelection.MaxJobs"/>, left out.</summary>
    public int LeftOut { get; private set; }

    public void Reset(CompareSelection selection)
    {
        Selection = selection;
        LeftOut = Math.Max(0, selection.Ids.Count - CompareSelection.MaxJobs);
        Jobs = [.. selection.Ids.Take(CompareSelection.MaxJobs).Select((id, index) => new ComparedJob(id, index))];
    }

    /// <summary>The job's name in legends and headers; numbered by its place when another compared job has the same name.</summary>
    public string Label(ComparedJob job)
    {
        var name = job.Job?.Name ?? job.Id.ToString();
        return Found.Count(j => j.Job!.Name == name) > 1 ? $"{name} (#{job.Index + 1})" : name;
    }

    public ComparedJob? Find(Guid id) => Jobs.FirstOrDefault(j => j.Id == id);

    /// <summary>
    /// The confusion matrices' difference, for exactly two jobs evaluated on the same dataset (name and upload alike,
    /// and the same classes); <see langword="null"/> otherwise.
    /// </summary>
    public ConfusionDifference? ConfusionDifference()
    {
        if (Found is not [var first, var second]
            || first.Evaluation is not { } a || second.Evaluation is not { } b
            || !SameDataset(first.Job!, second.Job!))
        {
            return null;
        }

        return Compare.ConfusionDifference.Between(a, b);
    }

    /// <summary>Why no confusion difference is shown, for the person wondering; <see langword="null"/> when it is.</summary>
    public string? WhyNoConfusionDifference() => Found switch
    {
        { Count: not 2 } => "The confusion matrices' difference is shown for exactly two jobs.",
        [var first, var second] when !SameDataset(first.Job!, second.Job!) => "The two jobs were trained on different datasets.",
        [var first, var second] when first.Evaluation is null || second.Evaluation is null => "Both jobs need a test evaluation; it comes when a job succeeds.",
        _ when ConfusionDifference() is null => "The two evaluations do not have the same classes.",
        _ => null,
    };

    private static bool SameDataset(JobDto first, JobDto second) =>
        first.SpecSummary.Dataset is { } a && second.SpecSummary.Dataset is { } b
        && string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase) && a.Id == b.Id;
}
