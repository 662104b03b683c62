namespace TrainingService.Core.Bundles;

/// <summary>The names of a bundle's files; the model card, <c>evaluate.py</c> and the tests refer to them by these.</summary>
public static class BundleFiles
{
    public const string ModelCard = "README.md";
    public const string Source = "model.py";
    public const string Pth = "weights.pth";
    public const string SafeTensors = "weights.safetensors";

    /// <summary>Written by the ONNX exporter; the model card's ONNX Runtime section appears when a bundle has it.</summary>
    public const string Onnx = "model.onnx";

    public const string Spec = "spec.json";
    public const string Resolution = "resolution.json";
    public const string Manifest = "bundle.json";
    public const string Metrics = "metrics.csv";
    public const string Evaluation = "evaluation.json";
    public const string LossCurve = "loss.png";
    public const string AccuracyCurve = "accuracy.png";
    public const string Evaluate = "evaluate.py";
}
