using TrainingService.Core.Checkpoints;
using TrainingService.Core.Datasets;
using TrainingService.Core.Jobs;
using TrainingService.Core.Training;

namespace TrainingService.Core.Models.Onnx;

/// <summary>
/// A job's checkpoint as ONNX, with exactly what the job evaluates with: the network it was resolved to, and, for a
/// preprocessing graph, the evaluation pipeline with the normalisation the run trained with, from the dataset's
/// stored images (as <see cref="Prediction.Predictor"/> does).
/// </summary>
public sealed class JobOnnxExport(NetworkPlanner planner, DatasetRegistry datasets)
{
    /// <exception cref="InvalidOperationException">The job's network no longer fits its data (a job stored before resolutions, whose dataset changed).</exception>
    public void Write(TrainingJobSpec spec, JobResolution? resolution, IReadOnlyList<StateTensor> weights, bool preprocess, OnnxExportOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        var dataset = resolution?.Dataset ?? datasets.Resolve(spec.Dataset).Info;
        var plan = planner.Plan(spec.Model, dataset, spec.Dataset.Transforms, new ValidationErrors())
            ?? throw new InvalidOperationException("The job's network does not fit its data.");
        var network = resolution?.Network ?? plan.Network;
        if (preprocess)
        {
            var pipeline = InputPipeline.For(dataset, spec.Dataset.Transforms, plan.Input, training: false, spec.Hyperparameters.Seed, resolution?.Normalization);
            options = options with { Preprocessing = new OnnxPreprocessing(pipeline, new InputShape(dataset.Channels, dataset.Height, dataset.Width)) };
        }
        OnnxExporter.Write(network, weights, options, output);
    }
}
