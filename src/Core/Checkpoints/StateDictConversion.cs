using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Checkpoints;

/// <summary>Moves a TorchSharp module's parameters and buffers to and from <see cref="StateTensor"/>s.</summary>
public static class StateDictConversion
{
    /// <summary>Snapshots <c>module.state_dict()</c>, parameters and persistent buffers in PyTorch's registration order, as CPU bytes.</summary>
    public static IReadOnlyList<StateTensor> FromModule(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        using var scope = NewDisposeScope();
        var stateDict = module.state_dict();
        var result = new List<StateTensor>();
        foreach (var key in PyTorchKeyOrder(module, prefix: "").Where(stateDict.ContainsKey).Concat(stateDict.Keys).Distinct())
        {
            var tensor = stateDict[key];

            // detach() first: it yields a tensor the scope owns, so cpu()/contiguous() returning "this" never disposes the module's own tensor.
            var cpu = tensor.detach().cpu().contiguous();
            result.Add(new StateTensor(key, StateTensorTypes.FromScalarType(cpu.dtype, key), cpu.shape, cpu.bytes.ToArray()));
        }

        return result;
    }

    /// <summary>
    /// PyTorch visits each module's own parameters, then its persistent buffers, then its children; TorchSharp's
    /// state_dict lists every parameter before any buffer. Files keep PyTorch's order so they match what Python would save.
    /// </summary>
    private static IEnumerable<string> PyTorchKeyOrder(nn.Module module, string prefix)
    {
        var own = module.named_parameters(recurse: false).Select(parameter => parameter.name)
            .Concat(module.named_buffers(recurse: false, include_nonpersistent: false).Select(buffer => buffer.name));
        return own.Select(name => prefix + name)
            .Concat(module.named_children().SelectMany(child => PyTorchKeyOrder(child.module, $"{prefix}{child.name}.")));
    }

    /// <summary>
    /// Copies <paramref name="tensors"/> into the module's existing tensors, on whatever device they live.
    /// Strict like PyTorch: every key must match and every shape must agree, checked before anything is overwritten.
    /// </summary>
    public static void LoadInto(nn.Module module, IReadOnlyList<StateTensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(tensors);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var targets = module.state_dict();
        var sources = StateDictMatch.Pair(targets, tensors);
        foreach (var (key, target) in targets)
        {
            var source = sources[key];
            var staged = empty(source.Shape, StateTensorTypes.ToScalarType(source.Type));
            staged.bytes = source.Data;
            target.copy_(staged);
        }
    }
}
