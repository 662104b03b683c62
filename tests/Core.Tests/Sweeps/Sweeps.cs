using System.Text.Json;
using TrainingService.Contracts.Sweeps;
using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models;
using TrainingService.Core.Sweeps;

namespace TrainingService.Core.Tests.Sweeps;

/// <summary>A sweep submission a test can break in one place, and the validator that reads it.</summary>
internal static class Sweeps
{
    private static readonly ModelRegistry Models = ModelRegistry.CreateDefault();

    public static SweepSubmissionValidator Validator { get; } = new(new TrialSpecs(new JobSpecValidator(
        Models, DatasetRegistry.CreateDefault(new DatasetFileStore(Path.GetTempPath())), new NetworkPlanner(Models), new JobSpecLimits())));

    public static JsonElement Base(string json = """
        {"model": {"name": "lenet5"}, "dataset": {"name": "mnist", "validationFraction": 0.1, "trainLimit": 512},
         "hyperparameters": {"epochs": 4, "batchSize": 64, "learningRate": 0.05}}
        """) => JsonDocument.Parse(json).RootElement.Clone();

    public static SearchParameterSubmission Values(params object[] values) =>
        new(values.Select(v => JsonSerializer.SerializeToElement(v)).ToList(), null, null, null);

    public static SearchParameterSubmission Range(string distribution, double? min, double? max) => new(null, distribution, min, max);

    public static SweepSubmission Grid(params (string Path, SearchParameterSubmission Parameter)[] parameters) =>
        new("lr sweep", Base(), parameters.ToDictionary(p => p.Path, p => p.Parameter), null, null, null, null, null, null, null);

    public static SweepSubmission Random(int maxTrials, long seed, params (string Path, SearchParameterSubmission Parameter)[] parameters) =>
        Grid(parameters) with { Method = "random", MaxTrials = maxTrials, Seed = seed };

    public static SweepValidationResult Validate(SweepSubmission submission, int? maxActiveJobs = 50) => Validator.Validate(submission, maxActiveJobs);

    public static IReadOnlyList<string> Raw(TrialPoint trial) => trial.Values.Select(v => v.Value.GetRawText()).ToList();
}
