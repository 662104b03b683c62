using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Models.PyTorch;

/// <summary>
/// Writes the reference PyTorch module of a described network as a self-contained Python file (it imports only
/// torch), whose <c>state_dict()</c> has exactly the keys and shapes of <see cref="Summary.StateDictLayout"/>, so
/// the exported weights load into it with <c>load_state_dict</c>.
/// </summary>
public static class PyTorchSourceEmitter
{
    /// <summary>Emits the network under <see cref="DefaultClassName"/>.</summary>
    public static string Emit(NetworkSpec network) => Emit(network, DefaultClassName(network));

    /// <summary>
    /// A chain's own class name, which is also the type the summary's first row shows, so that torchinfo on the
    /// emitted class prints the same table; otherwise the network's name as a class name (<c>alexnet-cifar10</c> gives
    /// <c>AlexnetCifar10</c>).
    /// </summary>
    public static string DefaultClassName(NetworkSpec network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.Root is ChainSpec chain && PythonNames.IsFreeClassName(chain.ClassName) ? chain.ClassName : PythonNames.ToClassName(network.Name);
    }

    /// <param name="className">The network's class, a Python identifier; <see cref="PythonNames.ToClassName"/> makes one from a registry name.</param>
    /// <exception cref="NotSupportedException">The description uses a module type the emitter does not know.</exception>
    public static string Emit(NetworkSpec network, string className)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(className);
        if (!PythonNames.IsFreeClassName(className))
        {
            throw new ArgumentException($"'{className}' cannot name the network's Python class.", nameof(className));
        }

        return new PythonSourceWriter(className).Write(network);
    }
}
