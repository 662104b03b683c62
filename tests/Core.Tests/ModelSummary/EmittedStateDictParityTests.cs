using TrainingService.Core.Models;
using TrainingService.Core.Models.Architecture;
using TrainingService.Core.Models.PyTorch;
using TrainingService.Core.Models.Summary;

namespace TrainingService.Core.Tests.ModelSummary;

/// <summary>
/// The emitted Python is the reference module of the description: it compiles, imports only torch, runs its
/// forward, and its state_dict has exactly the keys and shapes of <see cref="StateDictLayout"/>.
/// </summary>
public sealed class EmittedStateDictParityTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pytorch-emitter-tests-").FullName;

    public static TheoryData<string> Networks => [.. Samples.Keys];

    private static Dictionary<string, Func<NetworkSpec>> Samples => new()
    {
        ["custom LeNet (Sequential root)"] = SampleNetworks.CustomLeNet,
        ["LeNet-5 (chain with functional tanh)"] = SampleNetworks.LeNet5,
        ["mnist-cnn (chain of Sequentials with BatchNorm)"] = SampleNetworks.MnistCnn,
        ["Inception-v3 A blocks and BasicConv2d"] = SampleNetworks.InceptionCifar,
        ["GoogLeNet Inception block"] = SampleNetworks.TinyGoogLeNet,
        ["BasicBlocks with and without downsample"] = SampleNetworks.SmallResNet,
        ["every layer with non-default settings"] = LayerZoo.EveryLayer,
        ["every functional op, reuse and nested chains"] = LayerZoo.FunctionalOps,
        ["a block as the root"] = () => new NetworkSpec("block", new BasicBlockSpec(8, 16, 2, 1), new InputShape(8, 8, 8)),
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void The_emitted_module_compiles_and_has_the_state_dict_of_the_description(string name)
    {
        var network = Samples[name]();
        var className = PyTorchSourceEmitter.DefaultClassName(network);
        var file = Write("network.py", PyTorchSourceEmitter.Emit(network, className));

        var compiled = Python.Run("-m", "py_compile", file);
        Assert.True(compiled.ExitCode == 0, compiled.Error);
        var loaded = Python.Run(Write("fake_torch.py", FakeTorchScript.Source), file, className);
        Assert.True(loaded.ExitCode == 0, loaded.Error);

        var expected = StateDictLayout.Keys(network).Select(e => $"{e.Key} [{string.Join(", ", e.Shape)}]");
        Assert.Equal(expected, loaded.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
