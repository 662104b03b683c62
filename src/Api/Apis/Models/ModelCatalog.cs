using TrainingService.Contracts.Models;
using TrainingService.Core.Models;
using TrainingService.Core.Models.Summary;

namespace TrainingService.Api.Apis.Models;

/// <summary>The zoo listing, computed once: each entry's parameters and mult-adds at its default input and classes, batch 1.</summary>
public sealed class ModelCatalog(ModelRegistry models)
{
    private readonly Lazy<IReadOnlyList<ModelResource>> _models = new(() => models.List().Select(definition =>
    {
        var network = definition.Describe(definition.DefaultOptions);
        var summary = ModelSummarizer.Summarize(network, 1);
        return new ModelResource(definition.Name, definition.Family, definition.Description, network.Input.ToString(),
            definition.DefaultClasses, summary.TotalParams, summary.TotalMultAdds);
    }).ToList());

    public IReadOnlyList<ModelResource> Models => _models.Value;
}
