namespace TrainingService.Core.Models.PyTorch;

/// <summary>
/// The chain classes of one emitted file, each named after its <c>ChainSpec.ClassName</c>. Identical chains share
/// one class; a different chain under a name already taken gets a numbered name (<c>Stage_2</c>) rather than
/// silently changing the other's definition.
/// </summary>
internal sealed class PythonChainClasses(string networkClassName)
{
    private readonly List<(string Name, string Body)> classes = [];

    /// <summary>The definitions, nested chains first since a chain's body names them before it is registered.</summary>
    public IEnumerable<string> Definitions => classes.Select(c => $"class {c.Name}(nn.Module):\n{c.Body}");

    public string NameFor(string className, string body)
    {
        var wanted = PythonNames.IsIdentifier(className) ? className : PythonNames.ToClassName(className);
        for (var n = 1; ; n++)
        {
            var name = n == 1 ? wanted : $"{wanted}_{n}";
            if (name == networkClassName || !PythonNames.IsFreeClassName(name))
            {
                continue;
            }

            var existing = classes.FindIndex(c => c.Name == name);
            if (existing < 0)
            {
                classes.Add((name, body));
                return name;
            }

            if (classes[existing].Body == body)
            {
                return name;
            }
        }
    }
}
