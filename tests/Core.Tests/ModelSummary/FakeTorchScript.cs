namespace TrainingService.Core.Tests.ModelSummary;

/// <summary>
/// A Python script that loads an emitted file without torch: its imports are checked on the syntax tree, then the
/// file runs against a stand-in torch whose layers have torch's constructor signatures and register the parameters
/// and buffers torch would. It builds the network, runs its forward on a placeholder tensor (so every attribute and
/// functional call must resolve with valid arguments) and prints the state_dict keys and shapes in torch's order.
/// Usage: python3 script.py emitted.py ClassName
/// </summary>
internal static class FakeTorchScript
{
    public static string Source => ImportCheck + "\n" + FakeTorchModules.Source + "\n" + Loader;

    private const string ImportCheck = """
        import ast, sys, types

        ALLOWED_IMPORTS = {("torch", None), ("torch.nn", "nn"), ("torch.nn.functional", "F")}
        source = open(sys.argv[1]).read()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ImportFrom) or isinstance(node, ast.Import) and any(
                    (a.name, a.asname) not in ALLOWED_IMPORTS for a in node.names):
                sys.exit("unexpected import: " + ast.unparse(node))
        """;

    private const string Loader = """
        namespace = {}
        exec(compile(source, sys.argv[1], "exec"), namespace)
        model = namespace[sys.argv[2]]()
        assert isinstance(model(Tensor()), Tensor), "forward must return the tensor"
        for key, shape in model.entries():
            print(key, shape)
        """;
}
