using TrainingService.Core.Datasets;
using TrainingService.Core.Models;
using TrainingService.Core.Models.Custom;
using TrainingService.Core.Models.Summary;
using TrainingService.Core.Training;

namespace TrainingService.Core.Jobs;

/// <summary>
/// Decides, before anything is queued and again when the worker starts, how a dataset's images
/// reach a network and whether they can flow through it; a shape that breaks is named by layer.
/// The submission check and the training run use this one plan, so they cannot disagree.
/// </summary>
public sealed class NetworkPlanner(ModelRegistry models)
{
    public NetworkPlan? Plan(ModelSpec model, DatasetInfo dataset, InputTransformsSpec? transforms, ValidationErrors errors)
    {
        var channels = transforms?.Channels ?? dataset.Channels;
        if (channels < dataset.Channels)
        {
            errors.Add("dataset.transforms.channels", $"cannot reduce the {dataset.Channels} channels of {dataset.Name} to {channels}.");
            return null;
        }
        if (model.Custom is { } layers)
        {
            var pipeline = InputPipeline.For(dataset, transforms, new InputShape(channels, dataset.Height, dataset.Width));
            var input = pipeline.OutputShape(dataset);
            if (!SameShapeInTraining(dataset, transforms, new InputShape(channels, dataset.Height, dataset.Width), input, errors))
            {
                return null;
            }
            var custom = CustomNetwork.Describe(layers, input, dataset.ClassCount, errors);
            return custom is null ? null : new NetworkPlan(custom, pipeline, input, ModelSummarizer.Summarize(custom, 1).Rows[^1].OutputShape[1]);
        }
        var definition = models.Get(model.Name);
        var described = definition.Describe(new ModelBuildOptions(channels, model.NumClasses));
        var zooPipeline = InputPipeline.For(dataset, transforms, described.Input);
        var zooInput = zooPipeline.OutputShape(dataset);
        if (!SameShapeInTraining(dataset, transforms, described.Input, zooInput, errors))
        {
            return null;
        }
        var network = described with { Input = zooInput };
        ModelSummary summary;
        try
        {
            summary = ModelSummarizer.Summarize(network, 1);
        }
        catch (ShapeMismatchException exception)
        {
            errors.Add("model.name", $"{definition.Name}: {exception.Message}; the network expects {described.Input} "
                + "(set dataset.transforms.resize and channels).");
            return null;
        }
        catch (OverflowException)
        {
            errors.Add("model.numClasses", $"makes {definition.Name} so large that its sizes do not fit in 64 bits; lower it.");
            return null;
        }
        return new NetworkPlan(network, zooPipeline, zooInput, summary.Rows[^1].OutputShape[1]);
    }

    /// <summary>Training batches must reach the network in the evaluation shape, or one of the two cannot run.</summary>
    private static bool SameShapeInTraining(DatasetInfo dataset, InputTransformsSpec? transforms, InputShape expected, InputShape eval, ValidationErrors errors)
    {
        var train = InputPipeline.For(dataset, transforms, expected, training: true).OutputShape(dataset);
        if (train == eval)
        {
            return true;
        }
        errors.Add("dataset.transforms.train", $"gives {train} images but evaluation gives {eval}; both splits must reach the network in one shape.");
        return false;
    }
}
