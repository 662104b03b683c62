using TrainingService.Core.Datasets.Transforms;

namespace TrainingService.Core.Models.Onnx;

/// <summary>
/// The evaluation pipeline to put in front of the network, and the raw images it starts from: the dataset's
/// stored channels and size, as pixels 0 to 255. Only deterministic steps can be exported (evaluation has no others).
/// </summary>
public sealed record OnnxPreprocessing(BatchTransformPipeline Pipeline, InputShape RawInput, OnnxRawElementType ElementType = OnnxRawElementType.UInt8);
