using static TorchSharp.torch;

namespace TrainingService.Core.Checkpoints;

/// <summary>Pairs checkpoint tensors with a module's tensors and explains every mismatch at once, the way load_state_dict(strict=True) does.</summary>
internal static class StateDictMatch
{
    public static Dictionary<string, StateTensor> Pair(IReadOnlyDictionary<string, Tensor> targets, IReadOnlyList<StateTensor> tensors)
    {
        var sources = new Dictionary<string, StateTensor>(StringComparer.Ordinal);
        foreach (var tensor in tensors)
        {
            if (!sources.TryAdd(tensor.Key, tensor))
            {
                throw new ArgumentException($"Key '{tensor.Key}' appears more than once in the checkpoint.", nameof(tensors));
            }
        }

        var problems = new List<string>();
        var missing = targets.Keys.Where(key => !sources.ContainsKey(key)).ToList();
        var unexpected = sources.Keys.Where(key => !targets.ContainsKey(key)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"missing keys: {string.Join(", ", missing)}");
        }

        if (unexpected.Count > 0)
        {
            problems.Add($"unexpected keys: {string.Join(", ", unexpected)}");
        }

        foreach (var (key, target) in targets)
        {
            if (sources.TryGetValue(key, out var source) && !source.Shape.SequenceEqual(target.shape))
            {
                problems.Add($"size mismatch for {key}: checkpoint has [{string.Join(", ", source.Shape)}], module has [{string.Join(", ", target.shape)}]");
            }
        }

        return problems.Count == 0
            ? sources
            : throw new ArgumentException($"The checkpoint does not fit the module; {string.Join("; ", problems)}.", nameof(tensors));
    }
}
