using System.Text.Json;
using TrainingService.Core.Jobs;
using TrainingService.Core.Jobs.Submission;

namespace TrainingService.Core.Sweeps;

/// <summary>
/// Makes a trial's job: the base submission with the trial's values set at their paths and the name "&lt;sweep&gt; #n",
/// validated by the same <see cref="JobSpecValidator"/> as <c>POST /api/jobs</c>.
/// </summary>
public sealed class TrialSpecs(JobSpecValidator validator)
{
    /// <param name="describe">Turns a JSON reading failure into field errors; by default the field and a short reason.</param>
    public JobSpecValidationResult Validate(JsonElement baseSubmission, IEnumerable<ParameterValue> values, string? name,
        Func<Guid, bool>? mayUseDataset = null, Func<JsonException, IReadOnlyDictionary<string, string[]>>? describe = null)
    {
        var json = SearchPaths.With(baseSubmission, values, name);
        JobSubmission? submission;
        try
        {
            submission = json.Deserialize<JobSubmission>(JobSpecJson.Options);
        }
        catch (JsonException exception)
        {
            return new JobSpecValidationResult(null, (describe ?? Describe)(exception));
        }
        return validator.Validate(submission, mayUseDataset);
    }

    public static string TrialName(string sweepName, int number) => $"{sweepName} #{number}";

    private static IReadOnlyDictionary<string, string[]> Describe(JsonException exception) =>
        new Dictionary<string, string[]>
        {
            [exception.Path is null or "$" ? "$" : exception.Path.TrimStart('$', '.')] =
                [exception.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "is not a known field." : "has a value of the wrong type."],
        };
}
