using TrainingService.Contracts.Predictions;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models.Building;
using TrainingService.Core.Training;
using static TorchSharp.torch;

namespace TrainingService.Core.Prediction;

/// <summary>
/// Classifies images with a job's checkpoint, preprocessed exactly as the job evaluates: the network and
/// dataset the job was resolved to, the evaluation pipeline with the normalisation the run trained with,
/// the model in eval mode without gradients, softmax on the logits (<see cref="LoadedNetwork"/>). Images come as
/// uint8 [N, C, H, W] in the dataset's own channels and size.
/// </summary>
public sealed class Predictor(NetworkPlanner planner, DatasetRegistry datasets)
{
    /// <summary>The dataset as the job saw it: from its stored resolution, or (jobs stored before resolutions existed) the registry.</summary>
    public DatasetInfo DatasetOf(TrainingJobSpec spec, JobResolution? resolution) => resolution?.Dataset ?? datasets.Resolve(spec.Dataset).Info;

    /// <summary>The job's network with the weights of <paramref name="checkpointPath"/>, ready to predict; the caller owns it.</summary>
    public LoadedNetwork Load(TrainingJobSpec spec, JobResolution? resolution, string checkpointPath)
    {
        var dataset = DatasetOf(spec, resolution);
        var plan = Plan(spec, resolution, dataset);
        var model = ModuleBuilder.Build(plan.Network);
        try
        {
            using (var file = File.OpenRead(checkpointPath))
            {
                StateDictConversion.LoadInto(model, new PthReader().Read(file));
            }
            var pipeline = InputPipeline.For(dataset, spec.Dataset.Transforms, plan.Input, training: false, spec.Hyperparameters.Seed, resolution?.Normalization);
            return new LoadedNetwork(model, pipeline, dataset);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>One prediction without a cache: builds the network, classifies the uint8 [N, C, H, W] images, disposes it.</summary>
    public IReadOnlyList<IReadOnlyList<ClassProbability>> Predict(TrainingJobSpec spec, JobResolution? resolution, string checkpointPath, Tensor images, int topK)
    {
        using var network = Load(spec, resolution, checkpointPath);
        return network.Predict(images, topK, includeInput: false).Top;
    }

    private NetworkPlan Plan(TrainingJobSpec spec, JobResolution? resolution, DatasetInfo dataset)
    {
        var plan = planner.Plan(spec.Model, dataset, spec.Dataset.Transforms, new ValidationErrors())
            ?? throw new InvalidOperationException("The job's network does not fit its data.");
        return resolution is null ? plan : plan with { Network = resolution.Network };
    }
}
