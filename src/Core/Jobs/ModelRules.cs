using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs.Submission;
using TrainingService.Core.Models;

namespace TrainingService.Core.Jobs;

/// <summary>Checks the <c>model</c> part of a submission against the zoo and the chosen dataset.</summary>
internal static class ModelRules
{
    public static ModelSpec? Check(ModelSubmission? model, ModelRegistry models, DatasetInfo? dataset, ValidationErrors errors)
    {
        if (model is null)
        {
            errors.Add("model", "is required.");
            return null;
        }
        ModelDefinition? definition = null;
        if (string.IsNullOrWhiteSpace(model.Name))
        {
            errors.Add("model.name", "is required.");
        }
        else if (!models.TryGet(model.Name, out definition))
        {
            errors.Add("model.name", $"'{model.Name}' is not a known model; known models: {string.Join(", ", models.Names)}.");
        }

        var datasetClasses = dataset?.ClassNames.Count;
        if (model.NumClasses is < 2)
        {
            errors.Add("model.numClasses", "must be at least 2.");
        }
        else if (model.NumClasses is { } given && datasetClasses is { } needed && given < needed)
        {
            errors.Add("model.numClasses", $"must be at least {needed}, the number of classes of dataset '{dataset!.Name}'.");
        }
        if (definition is null || datasetClasses is null)
        {
            return null;
        }
        return new ModelSpec(definition.Name, model.NumClasses ?? datasetClasses.Value);
    }
}
