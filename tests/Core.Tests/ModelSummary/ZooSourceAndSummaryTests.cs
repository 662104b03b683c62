using TrainingService.Core.Models;
using TrainingService.Core.Models.PyTorch;
using TrainingService.Core.Models.Summary;
using TrainingService.Core.Tests.Models;

namespace TrainingService.Core.Tests.ModelSummary;

/// <summary>For every zoo entry: the summary runs on its default input and the emitted PyTorch class has its state_dict.</summary>
public sealed class ZooSourceAndSummaryTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("zoo-source-tests-").FullName;

    [Theory]
    [MemberData(nameof(ZooModels.AllNames), MemberType = typeof(ZooModels))]
    public void Every_zoo_entry_summarises_with_its_parameter_count_and_ends_in_one_logit_per_class(string name)
    {
        var definition = ModelRegistry.CreateDefault().Get(name);
        var network = definition.Describe(definition.DefaultOptions);

        var summary = ModelSummarizer.Summarize(network, batchSize: 2);

        var parameters = StateDictLayout.Keys(network).Where(e => !e.IsBuffer).Sum(e => e.Shape.Aggregate(1L, (a, b) => a * b));
        Assert.Equal(parameters, summary.TotalParams);
        Assert.Equal([2, definition.DefaultClasses], summary.Rows[^1].OutputShape);
        Assert.True(summary.TotalMultAdds > 0);
    }

    [Theory]
    [MemberData(nameof(ZooModels.AllNames), MemberType = typeof(ZooModels))]
    public void Every_zoo_entry_emits_pytorch_source_that_compiles_and_has_its_state_dict(string name)
    {
        var definition = ModelRegistry.CreateDefault().Get(name);
        var network = definition.Describe(definition.DefaultOptions);
        var className = PyTorchSourceEmitter.DefaultClassName(network);
        var file = Path.Combine(folder, $"{className}.py");
        File.WriteAllText(file, PyTorchSourceEmitter.Emit(network, className));
        var fakeTorch = Path.Combine(folder, "fake_torch.py");
        File.WriteAllText(fakeTorch, FakeTorchScript.Source);

        var compiled = Python.Run("-m", "py_compile", file);
        var loaded = Python.Run(fakeTorch, file, className);

        Assert.True(compiled.ExitCode == 0, compiled.Error);
        Assert.True(loaded.ExitCode == 0, loaded.Error);
        var expected = StateDictLayout.Keys(network).Select(e => $"{e.Key} [{string.Join(", ", e.Shape)}]");
        Assert.Equal(expected, loaded.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
