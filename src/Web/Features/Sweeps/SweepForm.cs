using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingService.Contracts.Sweeps;
using TrainingService.Web.Clients.Api;

namespace TrainingService.Web.Features.Sweeps;

/// <summary>
/// The New sweep form's state and its mapping to a <see cref="SweepSubmission"/>. Only what the form cannot express
/// is checked here (the base is not JSON, a row without a path, a path given twice); everything else is the Api's to
/// judge, and its problems come back keyed by the same dotted paths.
/// </summary>
public sealed class SweepForm
{
    public const string Grid = "grid";
    public const string Random = "random";
    public const int DefaultMaxConcurrent = 2;
    public const int DefaultGracePeriod = 1;
    public const int DefaultReductionFactor = 4;

    /// <summary>The job the Api's README walks through: LeNet-5 on MNIST, small enough to sweep on a CPU.</summary>
    public const string ExampleBase = """
        {
          "model": { "name": "lenet5", "numClasses": 10 },
          "dataset": { "name": "mnist", "validationFraction": 0.1, "trainLimit": 6000 },
          "hyperparameters": { "epochs": 4, "batchSize": 64, "learningRate": 0.05, "optimizer": "sgd", "momentum": 0.9, "weightDecay": 0, "seed": 42 }
        }
        """;

    public string Name { get; set; } = "";

    public string BaseJson { get; set; } = ExampleBase;

    public List<SweepParameterRow> Rows { get; } = [];

    public string Method { get; set; } = Grid;

    public long? Seed { get; set; }

    public int? MaxTrials { get; set; }

    public int? MaxConcurrent { get; set; } = DefaultMaxConcurrent;

    public string Metric { get; set; } = SweepMetrics.Default;

    public string Mode { get; set; } = SweepMetrics.NaturalMode(SweepMetrics.Default);

    public bool Asha { get; set; }

    public int? GracePeriod { get; set; } = DefaultGracePeriod;

    public int? ReductionFactor { get; set; } = DefaultReductionFactor;

    public bool IsGrid => Method == Grid;

    /// <summary>A blank form over the example job, searching the learning rate over a decade either side of its own.</summary>
    public static SweepForm Blank()
    {
        var form = new SweepForm();
        form.Rows.Add(LearningRateAround(0.05));
        return form;
    }

    /// <summary>The job's stored spec as the base, named after the job, ranked by the metric it selects checkpoints by.</summary>
    public static SweepForm FromJob(JobDto job)
    {
        var form = new SweepForm
        {
            Name = $"{job.Name} sweep",
            BaseJson = JsonSerializer.Serialize(job.Spec, ApiJson.Indented),
        };
        var hyperparameters = job.SpecSummary.Hyperparameters;
        if (job.Spec.ValueKind == JsonValueKind.Object
            && job.Spec.TryGetProperty("hyperparameters", out var hyper) && hyper.ValueKind == JsonValueKind.Object
            && hyper.TryGetProperty("checkpointMetric", out var metric) && metric.GetString() is { } name && SweepMetrics.All.Contains(name))
        {
            form.SetMetric(name);
        }

        form.Rows.Add(LearningRateAround(hyperparameters?.LearningRate ?? 0.05));
        return form;
    }

    /// <summary>Picks the metric and the mode that suits it; the mode can still be changed afterwards.</summary>
    public void SetMetric(string metric)
    {
        Metric = metric;
        Mode = SweepMetrics.NaturalMode(metric);
    }

    public SweepParameterRow AddRow()
    {
        var row = new SweepParameterRow();
        Rows.Add(row);
        return row;
    }

    /// <summary>The base spec as JSON, or <see langword="null"/> while it does not parse.</summary>
    public JsonElement? ParsedBase()
    {
        try
        {
            using var document = JsonDocument.Parse(BaseJson);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The number of trials a grid over the rows makes; <see langword="null"/> when a row is a continuous range or there is no row.</summary>
    public long? GridSize()
    {
        if (Rows.Count == 0)
        {
            return null;
        }

        long size = 1;
        foreach (var row in Rows)
        {
            if (row.GridPoints() is not { } points)
            {
                return null;
            }

            size = points == 0 ? 0 : size > long.MaxValue / points ? long.MaxValue : size * points;
        }

        return size;
    }

    /// <summary>What the form will run, in words, as it changes: "3 × 4 = 12 trials".</summary>
    public string SizeDescription()
    {
        if (!IsGrid)
        {
            return MaxTrials is { } trials ? $"Random search: {Count(trials)}." : "Random search needs max trials.";
        }

        if (Rows.Count == 0)
        {
            return "Add a parameter to search.";
        }

        if (GridSize() is not { } size)
        {
            return "A grid takes only values lists and int ranges; use random search for uniform and loguniform ranges.";
        }

        var factors = string.Join(" × ", Rows.Select(r => r.GridPoints()!.Value.ToString(CultureInfo.InvariantCulture)));
        var total = Rows.Count == 1 ? Count(size) : $"{factors} = {Count(size)}";
        return MaxTrials is { } max && max < size ? $"Grid of {total}; the first {Count(max)} run." : $"Grid of {total}.";
    }

    /// <summary>The submission, or the reasons it cannot be built yet keyed as the Api keys them.</summary>
    public SweepFormResult Build()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var baseSpec = ParsedBase();
        if (baseSpec is null)
        {
            errors["base"] = [BaseJsonProblem()];
        }
        else if (baseSpec.Value.ValueKind != JsonValueKind.Object)
        {
            errors["base"] = ["must be a JSON object: a job submission as POST /api/jobs takes it."];
        }

        var parameters = new Dictionary<string, SearchParameterSubmission>(StringComparer.Ordinal);
        foreach (var row in Rows)
        {
            var path = row.Path.Trim();
            if (path.Length == 0)
            {
                errors["parameters"] = ["every parameter row needs a path, e.g. hyperparameters.learningRate."];
            }
            else if (!parameters.TryAdd(path, row.ToSubmission()))
            {
                errors[$"parameters.{path}"] = ["is searched twice; give each path one row."];
            }
        }

        if (errors.Count > 0)
        {
            return new SweepFormResult(null, errors);
        }

        var submission = new SweepSubmission(
            string.IsNullOrWhiteSpace(Name) ? null : Name.Trim(),
            baseSpec!.Value,
            parameters,
            Method,
            Seed,
            MaxTrials,
            MaxConcurrent,
            Metric,
            Mode,
            Asha ? new EarlyStoppingSubmission("asha", GracePeriod, ReductionFactor) : null);
        return new SweepFormResult(submission, errors);
    }

    private static SweepParameterRow LearningRateAround(double rate) => new()
    {
        Path = "hyperparameters.learningRate",
        Kind = SearchKind.Values,
        ValuesText = string.Join(", ", new[] { rate / 10, rate, rate * 10 }.Select(SweepParameterRow.Format)),
    };

    private string BaseJsonProblem()
    {
        try
        {
            JsonNode.Parse(BaseJson);
            return "is not valid JSON.";
        }
        catch (JsonException ex)
        {
            return $"is not valid JSON: {ex.Message}";
        }
    }

    private static string Count(long trials) => trials == 1 ? "1 trial" : $"{trials.ToString("N0", CultureInfo.InvariantCulture)} trials";
}
