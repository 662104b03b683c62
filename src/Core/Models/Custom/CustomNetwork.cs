using System.Globalization;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models.Architecture;
using TrainingService.Core.Models.Summary;

namespace TrainingService.Core.Models.Custom;

/// <summary>
/// Describes a job's own layer list as an <c>nn.Sequential</c> (keys <c>0.weight</c>, <c>3.bias</c>, ...),
/// inferring each layer's input channels or features from the shape the layers before it produce.
/// Problems are named per layer as <c>model.custom[i]</c>, and the network must end in [N, classes].
/// </summary>
public static class CustomNetwork
{
    public const int MaxLayers = 200;

    /// <summary>
    /// The most values one layer may output per image (8 GiB of float32): beyond it no batch fits any memory
    /// limit, and below it every size the summary multiplies stays within 64 bits.
    /// </summary>
    public const long MaxOutputValuesPerImage = int.MaxValue;

    public static NetworkSpec? Describe(IReadOnlyList<CustomLayerSpec> layers, InputShape input, int minClasses, ValidationErrors errors)
    {
        if (layers.Count is 0 or > MaxLayers)
        {
            errors.Add("model.custom", $"must list between 1 and {MaxLayers} layers.");
            return null;
        }
        var modules = new List<ModuleSpec>();
        IReadOnlyList<int> shape = [1, input.Channels, input.Height, input.Width];
        for (var index = 0; index < layers.Count; index++)
        {
            var field = $"model.custom[{index}]";
            var module = Convert(layers[index], shape, field, errors);
            if (module is null) return null;
            modules.Add(module);
            try
            {
                shape = ModelSummarizer.Summarize(new NetworkSpec(ModelSpec.CustomName, new SequentialSpec(modules), input), 1).Rows[^1].OutputShape;
            }
            catch (ShapeMismatchException exception)
            {
                errors.Add(field, exception.Message);
                return null;
            }
            catch (OverflowException)
            {
                errors.Add(field, "is so large that its sizes do not fit in 64 bits; make it smaller.");
                return null;
            }
            // The product is taken in floating point so that the check itself cannot overflow.
            var values = shape.Skip(1).Aggregate(1.0, (product, size) => product * size);
            if (values > MaxOutputValuesPerImage)
            {
                errors.Add(module is Conv2dSpec or LinearSpec ? $"{field}.out" : field, string.Create(CultureInfo.InvariantCulture,
                    $"would output {values:N0} values per image ({string.Join(" x ", shape.Skip(1))}), more than {MaxOutputValuesPerImage:N0}; make the layer smaller."));
                return null;
            }
        }
        if (shape.Count != 2 || shape[1] < minClasses)
        {
            errors.Add("model.custom", $"the last layer must output one logit per class, at least {minClasses}, as [N, classes]; "
                + $"this network ends in [N, {string.Join(", ", shape.Skip(1))}].");
            return null;
        }
        return new NetworkSpec(ModelSpec.CustomName, new SequentialSpec(modules), input);
    }

    private static ModuleSpec? Convert(CustomLayerSpec layer, IReadOnlyList<int> shape, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(layer.Type))
        {
            errors.Add($"{field}.type", "is required.");
            return null;
        }
        if (!CustomLayerTypes.TryCanonical(layer.Type, out var type))
        {
            errors.Add($"{field}.type", $"'{layer.Type}' is not supported; use one of: {string.Join(", ", CustomLayerTypes.Names)}.");
            return null;
        }
        var unused = CustomLayerTypes.Unused(type, layer).ToList();
        foreach (var member in unused)
        {
            errors.Add($"{field}.{member}", $"is not used by {type}; leave it out.");
        }
        return unused.Count > 0 ? null : CustomLayerConverter.Convert(type, layer, shape, field, errors);
    }
}
