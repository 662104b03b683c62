using TrainingService.Core.Models.Architecture;
using TrainingService.Core.Models.Summary;

namespace TrainingService.Core.Models.PyTorch;

/// <summary>Writes one Python file; it collects the block and chain classes the network uses as it goes.</summary>
internal sealed class PythonSourceWriter(string className)
{
    private readonly HashSet<string> usedBlocks = [];
    private readonly PythonChainClasses chainClasses = new(className);

    public string Write(NetworkSpec network)
    {
        var rootClass = network.Root is ChainSpec chain
            ? $"class {className}(nn.Module):\n{ChainBody(chain)}"
            : RootSubclass(network.Root);
        var comment = network.Name.ReplaceLineEndings(" ");
        string[] header =
        [
            $"# The reference PyTorch module of '{comment}'; its state_dict() has the keys and shapes of the exported weights:",
            $"# model = {className}(); model.load_state_dict(torch.load(\"weights.pth\", weights_only=True))",
            "import torch",
            "import torch.nn as nn",
            "import torch.nn.functional as F",
        ];
        IEnumerable<string> parts =
        [
            string.Join("\n", header),
            .. PythonBlockClasses.Order.Where(usedBlocks.Contains).Select(PythonBlockClasses.Source),
            .. chainClasses.Definitions,
            rootClass,
        ];
        return string.Join("\n\n\n", parts.Select(part => part.TrimEnd('\n'))) + "\n";
    }

    private string RootSubclass(ModuleSpec root)
    {
        var (callee, arguments) = Constructor(root, 12);
        return $"class {className}({callee}):\n    def __init__(self):\n        super().__init__{Arguments(arguments, 8, root is SequentialSpec)}\n";
    }

    private string ChainBody(ChainSpec chain)
    {
        var structure = ModuleAnatomy.Of(chain)!;
        var lines = new List<string> { "    def __init__(self):", "        super().__init__()" };
        foreach (var (name, child) in structure.Children)
        {
            if (!PythonNames.IsChildName(name))
            {
                throw new ArgumentException($"{chain.ClassName}: '{name}' cannot be a PyTorch attribute name.", nameof(chain));
            }

            lines.Add($"        self.{name} = {Render(child, 8)}");
        }

        lines.Add("");
        lines.Add("    def forward(self, x):");
        lines.AddRange(chain.Steps.Select(step =>
            step.Name is null ? $"        x = {PythonFunctionalCalls.Of(step.Module)}" : $"        x = self.{step.Name}(x)"));
        lines.Add("        return x");
        return string.Join("\n", lines) + "\n";
    }

    private string Render(ModuleSpec module, int indent)
    {
        var (callee, arguments) = Constructor(module, indent + 4);
        return callee + Arguments(arguments, indent, module is SequentialSpec or NamedSequentialSpec);
    }

    private (string Callee, IReadOnlyList<string> Arguments) Constructor(ModuleSpec module, int childIndent)
    {
        usedBlocks.UnionWith(PythonConstructors.BlockClasses(module));
        return PythonConstructors.Of(module, chain => chainClasses.NameFor(chain.ClassName, ChainBody(chain)), child => Render(child, childIndent));
    }

    private static string Arguments(IReadOnlyList<string> arguments, int indent, bool onePerLine) =>
        onePerLine && arguments.Count > 0
            ? "(\n" + string.Concat(arguments.Select(a => new string(' ', indent + 4) + a + ",\n")) + new string(' ', indent) + ")"
            : "(" + string.Join(", ", arguments) + ")";
}
