using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Models.Summary;

/// <summary>
/// The <c>state_dict()</c> a described network has in PyTorch, derived from the description alone: per module its
/// own parameters, then its own buffers, then its children depth-first in registration order.
/// </summary>
public static class StateDictLayout
{
    public static IReadOnlyList<StateDictEntry> Keys(NetworkSpec network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return Keys(network.Root);
    }

    internal static IReadOnlyList<StateDictEntry> Keys(ModuleSpec module)
    {
        var entries = new List<StateDictEntry>();
        Collect(module, "", entries);
        return entries;
    }

    /// <summary>The module's trainable parameters, its children's included; a child reused in forward counts once.</summary>
    internal static long ParameterCount(ModuleSpec module) =>
        Keys(module).Where(entry => !entry.IsBuffer).Sum(entry => entry.Shape.Aggregate(1L, (product, size) => checked(product * size)));

    private static void Collect(ModuleSpec module, string prefix, List<StateDictEntry> entries)
    {
        var structure = ModuleAnatomy.Of(module);
        if (structure is null)
        {
            var tensors = LeafLayers.Tensors(module);

            // A leaf's parameters always precede its buffers in PyTorch's state_dict, whatever the registration order.
            entries.AddRange(tensors.Where(t => !t.IsBuffer).Select(t => new StateDictEntry(prefix + t.Name, t.Shape, false)));
            entries.AddRange(tensors.Where(t => t.IsBuffer).Select(t => new StateDictEntry(prefix + t.Name, t.Shape, true)));
            return;
        }

        foreach (var (name, child) in structure.Children)
        {
            Collect(child, prefix + name + ".", entries);
        }
    }
}
