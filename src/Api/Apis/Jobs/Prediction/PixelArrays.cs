using System.Text.Json;
using TrainingService.Core.Datasets;
using static TorchSharp.torch;

namespace TrainingService.Api.Apis.Jobs.Prediction;

/// <summary>One image as nested JSON arrays of 0-255 values, checked against the dataset's shape.</summary>
internal static class PixelArrays
{
    private const int MaxDepth = 3;

    public static bool TryRead(JsonElement image, DatasetInfo dataset, out Tensor? pixels, out string reason)
    {
        pixels = null;
        int[] full = [dataset.Channels, dataset.Height, dataset.Width];
        var walk = new Walk(full.Aggregate(1, (a, b) => a * b));
        if (!walk.Flatten(image, 0, out reason)) return false;
        int[] expected = dataset.Channels == 1 && walk.Shape.Count == 2 ? [dataset.Height, dataset.Width] : full;
        if (walk.Overflowed || !walk.Shape.SequenceEqual(expected) || walk.Values.Count != walk.MaxValues)
        {
            reason = $"must be a [{string.Join("][", expected)}] array of pixel values (dataset {dataset.Name}); "
                + (walk.Overflowed ? "got more values than that." : $"got [{string.Join("][", walk.Shape)}].");
            return false;
        }
        pixels = tensor(walk.Values.ToArray(), [dataset.Channels, dataset.Height, dataset.Width]);
        return true;
    }

    /// <summary>The shape and values met so far; values stop being collected past what the image can hold.</summary>
    private sealed class Walk(int maxValues)
    {
        private int leafDepth = -1;

        public int MaxValues { get; } = maxValues;

        public List<int> Shape { get; } = [];

        public List<byte> Values { get; } = [];

        public bool Overflowed { get; private set; }

        public bool Flatten(JsonElement element, int depth, out string reason)
        {
            reason = "";
            if (element.ValueKind == JsonValueKind.Number)
            {
                if (leafDepth >= 0 && leafDepth != depth) { reason = "must be nested arrays of numbers, all at the same depth."; return false; }
                leafDepth = depth;
                if (!element.TryGetDouble(out var value) || value is not (>= 0 and <= 255)) { reason = "holds a value outside 0-255."; return false; }
                if (Values.Count == MaxValues) { Overflowed = true; return true; }
                Values.Add((byte)Math.Round(value));
                return true;
            }
            if (element.ValueKind != JsonValueKind.Array || depth >= MaxDepth || (leafDepth >= 0 && depth >= leafDepth))
            {
                reason = "must be nested arrays of numbers.";
                return false;
            }
            var length = element.GetArrayLength();
            if (Shape.Count == depth) Shape.Add(length);
            else if (Shape[depth] != length) { reason = "is ragged: rows of different lengths."; return false; }
            foreach (var child in element.EnumerateArray())
            {
                if (!Flatten(child, depth + 1, out reason)) return false;
                if (Overflowed) return true;
            }
            return true;
        }
    }
}
