namespace TrainingService.Core.Models.Summary;

/// <summary>
/// A layer of a described network cannot take the tensor that reaches it, or would produce an empty one; the
/// message names the layer and the sizes so that a user can fix a custom network without running it.
/// </summary>
public sealed class ShapeMismatchException : Exception
{
    public ShapeMismatchException(string layerPath, string layerType, IReadOnlyList<int> inputShape, string reason, string message)
        : base(message)
    {
        LayerPath = layerPath;
        LayerType = layerType;
        InputShape = inputShape;
        Reason = reason;
    }

    /// <summary>The state-dict prefix of the layer (<c>conv5.2</c>); for a functional op, that of the module applying it.</summary>
    public string LayerPath { get; }

    /// <summary>The PyTorch class name (<c>MaxPool2d</c>), with ", functional" for an op applied in forward.</summary>
    public string LayerType { get; }

    /// <summary>The shape of one image as it reaches the layer, without the batch dimension.</summary>
    public IReadOnlyList<int> InputShape { get; }

    /// <summary>What is wrong, without the layer's name: <c>expects 9216 input features but receives 4096</c>.</summary>
    public string Reason { get; }
}
