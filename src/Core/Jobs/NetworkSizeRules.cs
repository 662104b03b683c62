using System.Globalization;
using TrainingService.Core.Models.Architecture;
using TrainingService.Core.Models.Summary;

namespace TrainingService.Core.Jobs;

/// <summary>
/// Refuses, from the network's summary and without allocating anything, a network whose parameter count or
/// estimated training memory (<see cref="TrainingMemoryEstimate"/>) exceeds <see cref="JobSpecLimits"/>. The
/// reason names the field to change and the layer that costs most, by its summary name.
/// </summary>
internal static class NetworkSizeRules
{
    public static void Check(ModelSpec model, NetworkPlan plan, Hyperparameters? hyperparameters, JobSpecLimits limits, ValidationErrors errors)
    {
        ModelSummary summary;
        try
        {
            summary = ModelSummarizer.Summarize(plan.Network, 1);
        }
        catch (OverflowException)
        {
            errors.Add("model", "is so large that its sizes do not fit in 64 bits; make it smaller.");
            return;
        }
        var leaves = summary.Rows.Where(row => row.IsLeaf && !row.IsRecursive && row.Parameters > 0).ToList();
        if (leaves.Count == 0)
        {
            return;
        }
        var heaviest = leaves.MaxBy(row => row.Parameters)!;
        if (summary.TotalParams > limits.MaxParameters)
        {
            var layer = Layer.Of(heaviest, model, plan.Network, summary);
            errors.Add(layer.Field, Text($"the network would have {summary.TotalParams:N0} parameters (limit {limits.MaxParameters:N0}); ")
                + $"the largest is {layer.Description}. {layer.Advice}");
            return;
        }
        if (hyperparameters is null)
        {
            return;
        }
        var estimate = TrainingMemoryEstimate.Of(summary, hyperparameters);
        if (estimate.TotalBytes <= limits.MaxTrainingMemoryBytes)
        {
            return;
        }
        var need = Text($"training would need about {ByteSizes.Describe(estimate.TotalBytes)} ({ByteSizes.Describe(estimate.ParameterStateBytes)} ")
            + Text($"for weights, gradients and {estimate.OptimizerSlots} optimizer state tensor(s) per parameter; {ByteSizes.Describe(estimate.BatchBytes)} ")
            + Text($"for activations and inputs at batch size {estimate.BatchSize}), more than the limit of {ByteSizes.Describe(limits.MaxTrainingMemoryBytes)}");
        var fits = estimate.LargestBatchWithin(limits.MaxTrainingMemoryBytes);
        if (fits >= 1)
        {
            errors.Add("hyperparameters.batchSize", Text($"{need}; a batch size of at most {fits} fits."));
            return;
        }
        // Not even one image fits: the parameters or the activations of one layer are the problem, not the batch.
        var culprit = estimate.ParameterStateBytes >= estimate.PerImageBytes ? heaviest : leaves.MaxBy(row => row.OutputBytes)!;
        var offending = Layer.Of(culprit, model, plan.Network, summary);
        errors.Add(offending.Field, $"{need} even at batch size 1; the largest layer is {offending.Description}. {offending.Advice}");
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A summary row as a submission field, a description and what to change.</summary>
    private sealed record Layer(string Field, string Description, string Advice)
    {
        public static Layer Of(SummaryRow row, ModelSpec model, NetworkSpec network, ModelSummary summary)
        {
            var module = Resolve(network.Root, row.KeyPath);
            var size = Text($"{Shape(module)}, {row.Parameters:N0} parameters, {ByteSizes.Describe(2.0 * row.OutputBytes)} of activations per image");
            if (model.Custom is not null)
            {
                var index = row.KeyPath.Split('.')[0];
                var takesOut = module is LinearSpec or Conv2dSpec;
                return new Layer($"model.custom[{index}]{(takesOut ? ".out" : "")}", $"model.custom[{index}] ({size})", "Make the layer smaller.");
            }
            var isClassifier = ReferenceEquals(row, summary.Rows.Last(r => r.IsLeaf && r.Parameters > 0))
                && row.OutputShape.Count == 2 && row.OutputShape[1] == model.NumClasses;
            return isClassifier
                ? new Layer("model.numClasses", $"{row.KeyPath} ({size})", "Lower model.numClasses.")
                : new Layer("model", $"{row.KeyPath} ({size})", "Choose a smaller model, or smaller images with dataset.transforms.resize.");
        }

        private static string Shape(ModuleSpec module) => module switch
        {
            LinearSpec linear => Text($"Linear {linear.InFeatures}→{linear.OutFeatures}"),
            Conv2dSpec conv => Text($"Conv2d {conv.InChannels}→{conv.OutChannels}, kernel {conv.KernelSize}"),
            BatchNorm2dSpec norm => Text($"BatchNorm2d {norm.NumFeatures}"),
            _ => module.TypeName,
        };

        /// <summary>The module at a state-dict prefix such as <c>classifier.6</c>.</summary>
        private static ModuleSpec Resolve(ModuleSpec root, string keyPath)
        {
            var module = root;
            foreach (var name in keyPath.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                module = ModuleAnatomy.Of(module)!.Children.First(child => child.Key == name).Value;
            }
            return module;
        }
    }
}
