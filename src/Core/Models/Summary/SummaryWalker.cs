using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Models.Summary;

/// <summary>
/// Replays a forward pass on shapes alone, adding a row each time a module is called, in the order torchinfo's
/// forward pre-hooks would fire. One walker serves one summary.
/// </summary>
internal sealed class SummaryWalker(InputShape networkInput)
{
    private readonly List<SummaryRow?> rows = [];
    private readonly Dictionary<int, int> rowsPerDepth = [];
    private readonly HashSet<string> calledPaths = [];

    public IReadOnlyList<SummaryRow> Rows => rows.Select(row => row!).ToList();

    public int[] Visit(string path, ModuleSpec module, int depth, int[] input)
    {
        var index = rows.Count;
        rows.Add(null);
        var depthIndex = rowsPerDepth[depth] = rowsPerDepth.GetValueOrDefault(depth) + 1;
        var isRecursive = !calledPaths.Add(path);
        var parameters = StateDictLayout.ParameterCount(module);

        var structure = ModuleAnatomy.Of(module);
        var output = structure is null
            ? LeafShapes.Output(module, new LayerContext(path, module.TypeName, networkInput, input))
            : Run(structure.Forward, path, module, depth, input);
        var multAdds = structure is null
            ? MultAdds.Of(module, output, parameters)
            : rows.Skip(index + 1).Where(row => row!.IsLeaf).Sum(row => row!.MultAdds);

        rows[index] = new SummaryRow(path, module.TypeName, depth, depthIndex, output, structure is null, isRecursive, parameters, multAdds);
        return output;
    }

    private int[] Run(ForwardPlan plan, string path, ModuleSpec module, int depth, int[] input)
    {
        var at = new LayerContext(path, module.TypeName, networkInput, input);
        switch (plan)
        {
            case SequencePlan sequence:
                return Steps(sequence.Steps, path, depth, input);
            case ConcatPlan concat:
                var outputs = concat.Branches.Select(branch => Steps(branch, path, depth, input)).ToList();
                at.Require(outputs.All(o => o.Length == 4 && o[0] == outputs[0][0] && o[2] == outputs[0][2] && o[3] == outputs[0][3]),
                    $"cannot concatenate branch outputs {string.Join(", ", outputs.Select(ShapeText.PerImage))}");
                return [outputs[0][0], outputs.Sum(o => o[1]), outputs[0][2], outputs[0][3]];
            case ResidualPlan residual:
                var main = Steps(residual.Main, path, depth, input);
                var shortcut = residual.Shortcut.Count == 0 ? input : Steps(residual.Shortcut, path, depth, input);
                at.Require(main.SequenceEqual(shortcut),
                    $"adds its {ShapeText.PerImage(main)} output to a {ShapeText.PerImage(shortcut)} shortcut; a change of shape needs a downsample");
                return Steps(residual.After, path, depth, main);
            default:
                throw new NotSupportedException($"{plan.GetType().Name} is not a forward the summary knows.");
        }
    }

    private int[] Steps(IReadOnlyList<ChainStep> steps, string path, int depth, int[] input)
    {
        var x = input;
        foreach (var step in steps)
        {
            x = step.Name is null
                ? LeafShapes.Output(step.Module, new LayerContext(path, $"{step.Module.TypeName}, functional", networkInput, x))
                : Visit(path.Length == 0 ? step.Name : $"{path}.{step.Name}", step.Module, depth + 1, x);
        }

        return x;
    }
}
