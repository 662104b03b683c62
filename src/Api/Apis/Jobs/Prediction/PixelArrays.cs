using System.Text.Json;
using TrainingService.Core.Datasets;
using static TorchSharp.torch;

namespace TrainingService.Api.Apis.Jobs.Prediction;

/// <summary>One image as nested JSON arrays of 0-255 values, checked against the dataset's shape.</summary>
internal static class PixelArrays
{
    public static bool TryRead(JsonElement image, DatasetInfo dataset, out Tensor? pixels, out string reason)
    {
        pixels = null;
        var values = new List<byte>();
        var shape = new List<int>();
        if (!Flatten(image, 0, shape, values, out reason)) return false;
        int[] expected = dataset.Channels == 1 && shape.Count == 2 ? [dataset.Height, dataset.Width] : [dataset.Channels, dataset.Height, dataset.Width];
        if (!shape.SequenceEqual(expected) || values.Count != expected.Aggregate(1, (a, b) => a * b))
        {
            reason = $"must be a [{string.Join("][", expected)}] array of pixel values (dataset {dataset.Name}); got [{string.Join("][", shape)}].";
            return false;
        }
        pixels = tensor(values.ToArray(), [dataset.Channels, dataset.Height, dataset.Width]);
        return true;
    }

    private static bool Flatten(JsonElement element, int depth, List<int> shape, List<byte> values, out string reason)
    {
        reason = "";
        if (element.ValueKind == JsonValueKind.Number)
        {
            if (element.TryGetDouble(out var value) && value is >= 0 and <= 255) { values.Add((byte)Math.Round(value)); return true; }
            reason = "holds a value outside 0-255.";
            return false;
        }
        if (element.ValueKind != JsonValueKind.Array || depth > 3) { reason = "must be nested arrays of numbers."; return false; }
        var length = element.GetArrayLength();
        if (shape.Count == depth) shape.Add(length);
        else if (shape[depth] != length) { reason = "is ragged: rows of different lengths."; return false; }
        foreach (var child in element.EnumerateArray())
        {
            if (!Flatten(child, depth + 1, shape, values, out reason)) return false;
        }
        return true;
    }
}
