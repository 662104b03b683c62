namespace TrainingService.Core.Models.Onnx;

/// <summary>How <see cref="OnnxExporter"/> writes a model: with or without the input pipeline in front, and what it says about itself.</summary>
public sealed record OnnxExportOptions
{
    public static OnnxExportOptions Default { get; } = new();

    /// <summary>When set, the graph takes raw 0-255 images and applies this pipeline before the network.</summary>
    public OnnxPreprocessing? Preprocessing { get; init; }

    /// <summary>The model's <c>doc_string</c>: what a viewer such as Netron shows first.</summary>
    public string? Description { get; init; }

    /// <summary>Written as the model's <c>metadata_props</c> (job id, checkpoint, epoch, ...).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
