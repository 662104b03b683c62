using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TrainingService.Repeatability;

/// <summary>One run: its outcome and a fingerprint of the figures that must repeat exactly (losses and accuracies, not timings).</summary>
internal sealed record RunResult(bool OneDnn, int Number, double Seconds, int? DivergedInEpoch, string Fingerprint)
{
    /// <summary>The first 12 hex digits of the fingerprint's SHA-256: equal for runs whose figures are bit-for-bit equal.</summary>
    public string ShortHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Fingerprint)))[..12];

    public static string ArmName(bool oneDnn) => oneDnn ? "oneDNN" : "libtorch";

    public string Describe()
    {
        var arm = ArmName(OneDnn).PadRight(8);
        var outcome = DivergedInEpoch is { } epoch ? $"DIVERGED (NaN) in epoch {epoch}" : $"ok, figures {ShortHash}  {Fingerprint[^24..]}";
        return string.Create(CultureInfo.InvariantCulture, $"{arm} run {Number,2}: {Seconds,6:F2} s  {outcome}");
    }
}
