using System.Text.Json;
using TrainingService.Contracts.Sweeps;
using TrainingService.Core.Jobs;
using TrainingService.Core.Training.Recipe;

namespace TrainingService.Core.Sweeps;

/// <summary>
/// Turns a <see cref="SweepSubmission"/> into a <see cref="SweepSpec"/> with every default filled in, or names every field
/// that is wrong. Each trial is the base submission with the searched fields set, validated as <c>POST /api/jobs</c>
/// validates a job: first the trial with every parameter at its first value (what is wrong there is the base's, or that
/// first value's), then each other value and range end on its own (named <c>parameters.&lt;path&gt;.values[i]</c>,
/// <c>.max</c>), then every trial the sweep plans, so that no trial created later can be refused.
/// </summary>
public sealed class SweepSubmissionValidator(TrialSpecs trials)
{
    private const int MaxTrialErrors = 5;
    private const double MaxWholeNumber = 1L << 53;

    /// <param name="maxActiveJobs">How many queued, running or paused jobs the submitting key may hold; null: no limit.</param>
    public SweepValidationResult Validate(SweepSubmission? submission, int? maxActiveJobs, Func<Guid, bool>? mayUseDataset = null,
        Func<JsonException, IReadOnlyDictionary<string, string[]>>? describe = null)
    {
        var errors = new ValidationErrors();
        if (submission is null)
        {
            errors.Add("$", "The request body must be a sweep object.");
            return new SweepValidationResult(null, errors.ToDictionary(), []);
        }
        var name = CheckName(submission, errors);
        var baseIsObject = submission.Base.ValueKind == JsonValueKind.Object;
        if (!baseIsObject) errors.Add("base", "is required: a job submission object, exactly as POST /api/jobs takes it.");
        var method = CheckMethod(submission.Method, errors);
        var parameters = CheckParameters(submission, method, errors);
        var spaceIsSound = baseIsObject && parameters is not null && !errors.Any;
        var maxTrials = CheckMaxTrials(submission.MaxTrials, method, parameters, errors);
        var maxConcurrent = submission.MaxConcurrent ?? SweepLimits.DefaultMaxConcurrent;
        if (maxConcurrent is < 1 or > SweepLimits.MaxConcurrent) errors.Add("maxConcurrent", $"must be between 1 and {SweepLimits.MaxConcurrent}.");
        else if (maxConcurrent > maxActiveJobs) errors.Add("maxConcurrent", $"may not exceed the {maxActiveJobs} queued, running or paused jobs this key may hold.");
        var metric = submission.Metric?.Trim() ?? MetricNames.ValidationAccuracy;
        if (!MetricNames.All.Contains(metric)) errors.Add("metric", $"must be one of {string.Join(", ", MetricNames.All)}.");
        var mode = MetricNames.NaturalMode(metric);
        if (submission.Mode is not null && !MetricModeNames.TryParse(submission.Mode, out mode)) errors.Add("mode", "must be max or min.");
        var asha = CheckEarlyStopping(submission.EarlyStopping, errors);
        if (!spaceIsSound || maxTrials is null)
        {
            return new SweepValidationResult(null, errors.ToDictionary(), []);
        }

        var spec = new SweepSpec(name, submission.Base.Clone(), parameters!, method, submission.Seed ?? 0, maxTrials.Value, maxConcurrent, metric, mode, asha);
        var epochs = CheckEachValue(spec, mayUseDataset, describe, errors);
        if (errors.Any || epochs is null)
        {
            return new SweepValidationResult(null, errors.ToDictionary(), []);
        }
        var planned = CheckPlannedTrials(spec, mayUseDataset, describe, errors);
        var fewestEpochs = planned.Count > 0 ? planned.Min(t => t.Spec.Hyperparameters.Epochs) : epochs.Value;
        if (asha is not null && asha.GracePeriod >= fewestEpochs)
        {
            errors.Add("earlyStopping.gracePeriod", $"must be less than the trials' epochs ({fewestEpochs}): a trial reaches its first rung after gracePeriod epochs.");
        }
        return errors.Any ? new SweepValidationResult(null, errors.ToDictionary(), []) : new SweepValidationResult(spec, errors.ToDictionary(), planned);
    }

    private static string CheckName(SweepSubmission submission, ValidationErrors errors)
    {
        var name = DisplayNameRules.Check(submission.Name, "name", errors);
        var longest = DisplayNameRules.MaxLength - TrialSpecs.TrialName("", SweepLimits.MaxTrials).Length;
        if (name is { Length: > 0 } && name.Length > longest && name.Length <= DisplayNameRules.MaxLength)
        {
            errors.Add("name", $"must be at most {longest} characters, so that its trials' names (\"<name> #{SweepLimits.MaxTrials}\") fit.");
        }
        if (!string.IsNullOrEmpty(name)) return name;
        return submission.Base.ValueKind == JsonValueKind.Object && submission.Base.TryGetProperty("name", out var given)
            && given.ValueKind == JsonValueKind.String && given.GetString()!.Trim() is { Length: > 0 } baseName && baseName.Length <= longest
            ? baseName : "sweep";
    }

    private static string CheckMethod(string? method, ValidationErrors errors)
    {
        var normalised = (method ?? SweepMethods.Grid).Trim().ToLowerInvariant();
        if (normalised is SweepMethods.Grid or SweepMethods.Random) return normalised;
        errors.Add("method", "must be grid or random.");
        return SweepMethods.Grid;
    }

    private static List<SearchParameter>? CheckParameters(SweepSubmission submission, string method, ValidationErrors errors)
    {
        if (submission.Parameters is not { Count: > 0 } given)
        {
            errors.Add("parameters", "must name at least one field to search, by its path (\"hyperparameters.learningRate\": {\"values\": [0.1, 0.01]}).");
            return null;
        }
        if (given.Count > SweepLimits.MaxParameters)
        {
            errors.Add("parameters", $"must name at most {SweepLimits.MaxParameters} fields.");
            return null;
        }
        var parameters = new List<SearchParameter>();
        foreach (var (path, parameter) in given)
        {
            var key = $"parameters.{path}";
            var (field, problem) = SearchPaths.Resolve(path);
            if (problem is not null) errors.Add(key, problem);
            if (given.Keys.FirstOrDefault(other => other != path && path.StartsWith(other + ".", StringComparison.Ordinal)) is { } outer)
            {
                errors.Add(key, $"lies inside parameters.{outer}; search one or the other.");
            }
            if (parameter is null)
            {
                errors.Add(key, "must be an object with values (a list) or a distribution (uniform, loguniform or int) with min and max.");
                continue;
            }
            if (CheckParameter(key, path, parameter, field, method, errors) is { } valid) parameters.Add(valid);
        }
        return parameters;
    }

    private static SearchParameter? CheckParameter(string key, string path, SearchParameterSubmission parameter, Type? field, string method, ValidationErrors errors)
    {
        var before = errors.Count;
        if (parameter.Values is { } values)
        {
            if (parameter.Distribution is not null) errors.Add(key, "takes values or a distribution, not both.");
            if (parameter.Min is not null || parameter.Max is not null) errors.Add(key, "min and max go with a distribution, not with values.");
            if (values.Count == 0) errors.Add($"{key}.values", "must list at least one value.");
            if (values.Count > SweepLimits.MaxValuesPerParameter) errors.Add($"{key}.values", $"must list at most {SweepLimits.MaxValuesPerParameter} values.");
            return errors.Count == before ? new SearchParameter(path, values.Select(v => v.Clone()).ToList(), null, null, null) : null;
        }
        if (parameter.Distribution is null)
        {
            errors.Add(key, "needs values (a list) or a distribution (uniform, loguniform or int) with min and max.");
            return null;
        }
        var distribution = parameter.Distribution.Trim().ToLowerInvariant();
        if (!SearchDistributions.All.Contains(distribution))
        {
            errors.Add($"{key}.distribution", "must be uniform, loguniform or int.");
            return null;
        }
        if (method == SweepMethods.Grid && distribution != SearchDistributions.Int)
        {
            errors.Add($"{key}.distribution", $"a grid takes only values lists and int ranges, not {distribution}: list the values, or use method random.");
        }
        if (field is not null && !SearchPaths.IsNumber(field))
        {
            errors.Add($"{key}.distribution", $"needs a numeric field, and {path} is not a number: list its values instead.");
        }
        else if (field is not null && SearchPaths.IsWholeNumber(field) && distribution != SearchDistributions.Int)
        {
            errors.Add($"{key}.distribution", $"{path} is a whole number: use distribution int, or list its values.");
        }
        if (parameter.Min is not { } min) errors.Add($"{key}.min", "is required with a distribution.");
        if (parameter.Max is not { } max) errors.Add($"{key}.max", "is required with a distribution.");
        if (parameter is { Min: { } lo, Max: { } hi })
        {
            if (distribution == SearchDistributions.Int)
            {
                if (!IsWhole(lo)) errors.Add($"{key}.min", "must be a whole number for distribution int.");
                if (!IsWhole(hi)) errors.Add($"{key}.max", "must be a whole number for distribution int.");
                if (hi < lo) errors.Add($"{key}.max", "must be at least min (an int range includes both ends).");
            }
            else
            {
                if (!double.IsFinite(lo)) errors.Add($"{key}.min", "must be a finite number.");
                if (!double.IsFinite(hi)) errors.Add($"{key}.max", "must be a finite number.");
                if (hi <= lo) errors.Add($"{key}.max", "must be greater than min.");
                if (distribution == SearchDistributions.LogUniform && lo <= 0) errors.Add($"{key}.min", "must be greater than 0 for loguniform.");
            }
        }
        return errors.Count == before ? new SearchParameter(path, null, distribution, parameter.Min, parameter.Max) : null;
    }

    private static bool IsWhole(double value) => Math.Floor(value) == value && Math.Abs(value) <= MaxWholeNumber;

    private static int? CheckMaxTrials(int? maxTrials, string method, IReadOnlyList<SearchParameter>? parameters, ValidationErrors errors)
    {
        var gridSize = method == SweepMethods.Grid && parameters is { Count: > 0 } ? SearchSpace.GridSize(parameters) : null;
        if (maxTrials is { } given)
        {
            if (given is < 1 or > SweepLimits.MaxTrials)
            {
                errors.Add("maxTrials", $"must be between 1 and {SweepLimits.MaxTrials}.");
                return null;
            }
            if (given > gridSize)
            {
                errors.Add("maxTrials", $"may not exceed the grid's size, {gridSize} combinations.");
                return null;
            }
            return parameters is null ? null : given;
        }
        if (method == SweepMethods.Random)
        {
            errors.Add("maxTrials", "is required for method random.");
            return null;
        }
        if (gridSize > SweepLimits.MaxTrials)
        {
            errors.Add("maxTrials", $"defaults to the grid's size, {gridSize} combinations, which is over the limit of {SweepLimits.MaxTrials}: give maxTrials or search fewer values.");
            return null;
        }
        return (int?)gridSize;
    }

    private static AshaSpec? CheckEarlyStopping(EarlyStoppingSubmission? earlyStopping, ValidationErrors errors)
    {
        if (earlyStopping is null) return null;
        if (!string.Equals(earlyStopping.Kind?.Trim(), "asha", StringComparison.OrdinalIgnoreCase)) errors.Add("earlyStopping.kind", "must be asha.");
        var grace = earlyStopping.GracePeriod ?? SweepLimits.DefaultGracePeriod;
        if (grace < 1) errors.Add("earlyStopping.gracePeriod", "must be at least 1 (epochs).");
        var factor = earlyStopping.ReductionFactor ?? SweepLimits.DefaultReductionFactor;
        if (factor < 2) errors.Add("earlyStopping.reductionFactor", "must be at least 2.");
        return new AshaSpec("asha", grace, factor);
    }

    /// <returns>The fewest epochs of the trials checked, or null when the first trial is itself invalid.</returns>
    private int? CheckEachValue(SweepSpec spec, Func<Guid, bool>? mayUseDataset, Func<JsonException, IReadOnlyDictionary<string, string[]>>? describe,
        ValidationErrors errors)
    {
        var choices = spec.Parameters.Select(Choices).ToList();
        var first = choices.Select(c => c[0].Value).ToList();
        var trialName = TrialSpecs.TrialName(spec.Name, spec.MaxTrials);
        var reference = trials.Validate(spec.BaseSpec, first, trialName, mayUseDataset, describe);
        foreach (var (field, reasons) in reference.Errors)
        {
            var owner = spec.Parameters.Select((p, i) => (p, i)).FirstOrDefault(x => Within(field, x.p.Path));
            foreach (var reason in reasons)
            {
                if (owner.p is not null) errors.Add($"parameters.{owner.p.Path}.{choices[owner.i][0].Label}", $"makes an invalid job: {field} {reason}");
                else errors.Add(field == "$" ? "base" : $"base.{field}", reason);
            }
        }
        if (!reference.IsValid) return null;
        var fewestEpochs = reference.Spec!.Hyperparameters.Epochs;
        for (var p = 0; p < spec.Parameters.Count; p++)
        {
            foreach (var (label, value) in choices[p].Skip(1))
            {
                var point = first.Select((v, i) => i == p ? value : v).ToList();
                var result = trials.Validate(spec.BaseSpec, point, trialName, mayUseDataset, describe);
                foreach (var (field, reasons) in result.Errors)
                foreach (var reason in reasons)
                {
                    errors.Add($"parameters.{spec.Parameters[p].Path}.{label}", $"makes an invalid job: {field} {reason}");
                }
                if (result.Spec is { } valid) fewestEpochs = Math.Min(fewestEpochs, valid.Hyperparameters.Epochs);
            }
        }
        return fewestEpochs;
    }

    private List<PlannedTrial> CheckPlannedTrials(SweepSpec spec, Func<Guid, bool>? mayUseDataset,
        Func<JsonException, IReadOnlyDictionary<string, string[]>>? describe, ValidationErrors errors)
    {
        var planned = new List<PlannedTrial>();
        var refused = 0;
        foreach (var point in SearchSpace.Trials(spec, spec.MaxTrials))
        {
            var result = trials.Validate(spec.BaseSpec, point.Values, TrialSpecs.TrialName(spec.Name, point.Number), mayUseDataset, describe);
            if (result.IsValid)
            {
                planned.Add(new PlannedTrial(point, result.Spec!, result.Resolution));
                continue;
            }
            if (++refused > MaxTrialErrors) continue;
            var values = string.Join(", ", point.Values.Select(v => $"{v.Path} = {v.Value.GetRawText()}"));
            foreach (var (field, reasons) in result.Errors)
            {
                errors.Add("parameters", $"trial {point.Number} ({values}) makes an invalid job: {field} {string.Join(" ", reasons)}");
            }
        }
        return planned;
    }

    /// <summary>The values a check tries for a parameter, each with the label its errors go under: the list, or a range's two ends.</summary>
    private static List<(string Label, ParameterValue Value)> Choices(SearchParameter parameter)
    {
        if (parameter.Values is { } values)
        {
            return values.Select((v, i) => ($"values[{i}]", new ParameterValue(parameter.Path, v))).ToList();
        }
        var whole = parameter.Distribution == SearchDistributions.Int;
        JsonElement End(double value) => whole ? SearchSpace.Number((long)value) : SearchSpace.Number(value);
        return [("min", new ParameterValue(parameter.Path, End(parameter.Min!.Value))), ("max", new ParameterValue(parameter.Path, End(parameter.Max!.Value)))];
    }

    private static bool Within(string field, string path) =>
        field == path || field.StartsWith(path + ".", StringComparison.Ordinal) || field.StartsWith(path + "[", StringComparison.Ordinal);
}
