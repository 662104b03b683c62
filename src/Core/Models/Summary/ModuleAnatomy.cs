using System.Globalization;
using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Models.Summary;

/// <summary>
/// The one place that knows how each composite spec is put together, so the summary, the state-dict layout
/// and the emitted PyTorch source cannot disagree about children, their order or the forward.
/// </summary>
internal static class ModuleAnatomy
{
    /// <summary>The structure of a composite module, or null for a leaf layer.</summary>
    public static ModuleStructure? Of(ModuleSpec module) => module switch
    {
        SequentialSpec sequential => Sequential(sequential),
        NamedSequentialSpec named => Named(named),
        ChainSpec chain => Chain(chain),
        BasicConv2dSpec block => BlockAnatomy.BasicConv2d(block),
        InceptionASpec block => BlockAnatomy.InceptionA(block),
        GoogLeNetInceptionSpec block => BlockAnatomy.GoogLeNetInception(block),
        BasicBlockSpec block => BlockAnatomy.BasicBlock(block),
        _ when LeafLayers.IsLeaf(module) => null,
        _ => throw Unsupported(module),
    };

    public static NotSupportedException Unsupported(ModuleSpec module) =>
        new($"{module.GetType().Name} ({module.TypeName}) is not supported by the model summary and the PyTorch export.");

    private static ModuleStructure Sequential(SequentialSpec sequential)
    {
        var steps = sequential.Children
            .Select((child, index) => ChainStep.Child(index.ToString(CultureInfo.InvariantCulture), child))
            .ToList();
        return new ModuleStructure(steps.Select(s => KeyValuePair.Create(s.Name!, s.Module)).ToList(), new SequencePlan(steps));
    }

    private static ModuleStructure Named(NamedSequentialSpec named)
    {
        var steps = named.Children.Select(child => ChainStep.Child(child.Name, child.Module)).ToList();
        return new ModuleStructure(steps.Select(s => KeyValuePair.Create(s.Name!, s.Module)).ToList(), new SequencePlan(steps));
    }

    private static ModuleStructure Chain(ChainSpec chain)
    {
        var children = new List<KeyValuePair<string, ModuleSpec>>();
        foreach (var step in chain.Steps)
        {
            if (step.Name is null)
            {
                EnsureFunctional(chain, step.Module);
                continue;
            }

            if (step.Name.Length == 0 || step.Name.Contains('.', StringComparison.Ordinal))
            {
                throw new ArgumentException($"{chain.ClassName}: '{step.Name}' is not a valid module name.", nameof(chain));
            }

            var earlier = children.FindIndex(c => c.Key == step.Name);
            if (earlier < 0)
            {
                children.Add(KeyValuePair.Create(step.Name, step.Module));
            }
            else if (!Equals(children[earlier].Value, step.Module))
            {
                // Repeating a name calls the same module again (as a reused self.relu); a different spec would be a second module.
                throw new ArgumentException($"{chain.ClassName}: two different modules are both named '{step.Name}'.", nameof(chain));
            }
        }

        return new ModuleStructure(children, new SequencePlan(chain.Steps));
    }

    private static void EnsureFunctional(ChainSpec chain, ModuleSpec module)
    {
        // Of throws NotSupportedException for an unknown spec, which says more than the message below would.
        var isModule = LeafLayers.IsLeaf(module) ? LeafLayers.HasParameters(module) : Of(module) is not null;
        if (isModule)
        {
            throw new ArgumentException(
                $"{chain.ClassName}: an unnamed step runs as a functional op (activation, pooling, dropout, flatten), "
                + $"which {module.TypeName} cannot; give it a name.",
                nameof(chain));
        }
    }
}
