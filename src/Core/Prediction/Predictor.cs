using TrainingService.Core.Checkpoints;
using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models.Building;
using static TorchSharp.torch;

namespace TrainingService.Core.Prediction;

/// <summary>
/// Classifies images with a job's checkpoint, preprocessed exactly as the job evaluates: the same
/// network plan and evaluation pipeline, the model in eval mode without gradients, softmax on the logits.
/// Images come as uint8 [N, C, H, W] in the dataset's own channels and size.
/// </summary>
public sealed class Predictor(NetworkPlanner planner, DatasetRegistry datasets)
{
    public DatasetInfo DatasetOf(TrainingJobSpec spec) => datasets.Resolve(spec.Dataset).Info;

    public IReadOnlyList<IReadOnlyList<ClassProbability>> Predict(TrainingJobSpec spec, string checkpointPath, Tensor images, int topK)
    {
        var dataset = DatasetOf(spec);
        var errors = new ValidationErrors();
        var plan = planner.Plan(spec.Model, dataset, spec.Dataset.Transforms, errors)
            ?? throw new InvalidOperationException("The job's network does not fit its data.");
        using var model = ModuleBuilder.Build(plan.Network);
        using (var file = File.OpenRead(checkpointPath))
        {
            StateDictConversion.LoadInto(model, new PthReader().Read(file));
        }
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var probabilities = model.call(plan.Pipeline.Apply(images)).softmax(1);
        var k = Math.Min(topK, (int)probabilities.shape[1]);
        var (values, indices) = probabilities.topk(k, dim: 1);
        var p = values.to(float64).data<double>().ToArray();
        var c = indices.data<long>().ToArray();
        return Enumerable.Range(0, (int)images.shape[0]).Select(image => (IReadOnlyList<ClassProbability>)Enumerable.Range(0, k)
            .Select(rank => Entry(dataset, (int)c[image * k + rank], p[image * k + rank])).ToList()).ToList();
    }

    private static ClassProbability Entry(DatasetInfo dataset, int index, double probability) =>
        new(index, index < dataset.ClassNames.Count ? dataset.ClassNames[index] : $"class {index}", probability);
}
