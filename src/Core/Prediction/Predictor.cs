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
/// the model in eval mode without gradients, softmax on the logits. Images come as uint8 [N, C, H, W] in
/// the dataset's own channels and size.
/// </summary>
public sealed class Predictor(NetworkPlanner planner, DatasetRegistry datasets)
{
    /// <summary>The dataset as the job saw it: from its stored resolution, or (jobs stored before resolutions existed) the registry.</summary>
    public DatasetInfo DatasetOf(TrainingJobSpec spec, JobResolution? resolution) => resolution?.Dataset ?? datasets.Resolve(spec.Dataset).Info;

    public IReadOnlyList<IReadOnlyList<ClassProbability>> Predict(TrainingJobSpec spec, JobResolution? resolution, string checkpointPath, Tensor images, int topK)
    {
        var dataset = DatasetOf(spec, resolution);
        var plan = Plan(spec, resolution, dataset);
        using var model = ModuleBuilder.Build(plan.Network);
        using (var file = File.OpenRead(checkpointPath))
        {
            StateDictConversion.LoadInto(model, new PthReader().Read(file));
        }
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var pipeline = InputPipeline.For(dataset, spec.Dataset.Transforms, plan.Input, training: false, spec.Hyperparameters.Seed, resolution?.Normalization);
        var probabilities = model.call(pipeline.Apply(images)).softmax(1);
        var k = Math.Min(topK, (int)probabilities.shape[1]);
        var (values, indices) = probabilities.topk(k, dim: 1);
        var p = values.to(float64).data<double>().ToArray();
        var c = indices.data<long>().ToArray();
        return Enumerable.Range(0, (int)images.shape[0]).Select(image => (IReadOnlyList<ClassProbability>)Enumerable.Range(0, k)
            .Select(rank => Entry(dataset, (int)c[image * k + rank], p[image * k + rank])).ToList()).ToList();
    }

    private NetworkPlan Plan(TrainingJobSpec spec, JobResolution? resolution, DatasetInfo dataset)
    {
        var plan = planner.Plan(spec.Model, dataset, spec.Dataset.Transforms, new ValidationErrors())
            ?? throw new InvalidOperationException("The job's network does not fit its data.");
        return resolution is null ? plan : plan with { Network = resolution.Network };
    }

    private static ClassProbability Entry(DatasetInfo dataset, int index, double probability) =>
        new(index, index < dataset.ClassNames.Count ? dataset.ClassNames[index] : $"class {index}", probability);
}
