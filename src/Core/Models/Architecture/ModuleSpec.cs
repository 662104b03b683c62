namespace TrainingService.Core.Models.Architecture;

/// <summary>
/// One module of a network, described as data. The same description builds the TorchSharp module,
/// computes the summary and shape checks, and is emitted as the reference PyTorch source.
/// State-dict keys come from container child names exactly as in PyTorch.
/// </summary>
public abstract record ModuleSpec
{
    /// <summary>The PyTorch class name (<c>Conv2d</c>, <c>Sequential</c>, <c>BasicBlock</c>, ...).</summary>
    public abstract string TypeName { get; }
}
