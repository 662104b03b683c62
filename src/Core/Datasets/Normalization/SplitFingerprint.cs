using System.Security.Cryptography;
using TorchSharp;
using static TorchSharp.torch;

namespace TrainingService.Core.Datasets.Normalization;

/// <summary>
/// A cheap stand-in for hashing a whole split: SHA-256 of the pixel sums at every (channel, row, column)
/// over all images, and of the labels. One reduction instead of hashing every byte, yet a changed,
/// added or dropped image changes the sums at the positions it touches.
/// </summary>
internal static class SplitFingerprint
{
    public static string Of(LabeledImages split)
    {
        using var scope = torch.NewDisposeScope();
        var positions = split.Images.sum([0], type: ScalarType.Int64).cpu().contiguous();
        var labels = split.Labels.cpu().contiguous();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(positions.bytes);
        sha.AppendData(labels.bytes);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
