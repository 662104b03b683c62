namespace TrainingService.Core.Checkpoints;

/// <summary>Element types a checkpoint can hold; each maps to one PyTorch storage class.</summary>
public enum StateTensorType
{
    Float32,
    Float64,
    Float16,
    BFloat16,
    Int64,
    Int32,
    UInt8,
    Bool,
}
