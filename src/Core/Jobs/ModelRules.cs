using TrainingService.Core.Jobs.Submission;
using TrainingService.Core.Models;
using TrainingService.Core.Training;

namespace TrainingService.Core.Jobs;

/// <summary>Checks the <c>model</c> part of a submission against the zoo and, through a network plan, the chosen dataset.</summary>
internal static class ModelRules
{
    public static (ModelSpec Spec, NetworkPlan Plan)? Check(ModelSubmission? model, ModelRegistry models, NetworkPlanner planner, CheckedDataset? dataset, ValidationErrors errors)
    {
        if (model is null)
        {
            errors.Add("model", "is required.");
            return null;
        }
        var init = (model.Init ?? WeightInitialization.Default).Trim().ToLowerInvariant();
        if (!WeightInitialization.All.Contains(init))
        {
            errors.Add("model.init", $"'{model.Init}' is not supported; use one of: {string.Join(", ", WeightInitialization.All)}.");
        }
        if (model.NumClasses is < 2)
        {
            errors.Add("model.numClasses", "must be at least 2.");
        }
        else if (model.NumClasses is { } given && dataset is { Info.ClassCount: var needed } && given < needed)
        {
            errors.Add("model.numClasses", $"must be at least {needed}, the number of classes of dataset '{dataset.Info.Name}'.");
        }
        var name = Name(model, models, errors);
        if (errors.Any || name is null || dataset is null)
        {
            return null;
        }
        var spec = new ModelSpec(name, model.NumClasses ?? dataset.Info.ClassCount, model.Custom, init);
        var plan = planner.Plan(spec, dataset.Info, dataset.Spec.Transforms, errors);
        if (plan is null)
        {
            return null;
        }
        var outputs = plan.OutputClasses;
        if (model.Custom is not null && model.NumClasses is { } declared && declared != outputs)
        {
            errors.Add("model.numClasses", $"is {declared} but the custom network outputs {outputs} logits.");
            return null;
        }
        return (spec with { NumClasses = outputs }, plan);
    }

    private static string? Name(ModelSubmission model, ModelRegistry models, ValidationErrors errors)
    {
        if (model.Custom is not null)
        {
            if (model.Name is not null && model.Name != ModelSpec.CustomName)
            {
                errors.Add("model.name", "must be left out (or be 'custom') when model.custom lists the layers.");
            }
            return ModelSpec.CustomName;
        }
        if (string.IsNullOrWhiteSpace(model.Name))
        {
            errors.Add("model.name", "is required (or list the layers of your own network in model.custom).");
            return null;
        }
        if (!models.TryGet(model.Name, out var definition))
        {
            errors.Add("model.name", $"'{model.Name}' is not a known model; known models: {string.Join(", ", models.Names)}.");
            return null;
        }
        return definition.Name;
    }
}
