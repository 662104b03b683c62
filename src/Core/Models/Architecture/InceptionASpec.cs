namespace TrainingService.Core.Models.Architecture;

/// <summary>
/// The Inception-v3 "A" block of the course material: branches <c>branch1x1</c>; <c>branch5x5_1</c>,
/// <c>branch5x5_2</c>; <c>branch3x3dbl_1..3</c>; <c>branch_pool</c> (avg pool 3/1/1 then 1x1), concatenated
/// in that order into 224 + <see cref="PoolFeatures"/> channels.
/// </summary>
public sealed record InceptionASpec(int InChannels, int PoolFeatures) : ModuleSpec
{
    public override string TypeName => "InceptionA";
}
