using System.Globalization;
using System.Numerics;

namespace TrainingService.Core.Models.Summary;

/// <summary>
/// Python's <c>format(x, ".2f")</c> and <c>format(x, ",.2f")</c>: the exact binary value rounded half to even.
/// .NET rounds the exact ties (0.125, 2.375, ...) away from zero, which would differ from torchinfo in the last digit.
/// </summary>
internal static class PythonFormat
{
    public static string FixedTwo(double value, bool grouped)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite non-negative sizes are formatted.");
        }

        var hundredths = RoundHalfEvenHundredths(value);
        var whole = (hundredths / 100).ToString(grouped ? "N0" : "D", CultureInfo.InvariantCulture);
        return $"{whole}.{(int)(hundredths % 100):00}";
    }

    public static string Grouped(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static BigInteger RoundHalfEvenHundredths(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        // value = mantissa * 2^(exponent - 1075), exactly.
        var scaled = new BigInteger(mantissa) * 100;
        var shift = exponent - 1075;
        if (shift >= 0)
        {
            return scaled << shift;
        }

        var denominator = BigInteger.One << -shift;
        var quotient = BigInteger.DivRem(scaled, denominator, out var remainder);
        var comparison = (remainder * 2).CompareTo(denominator);
        return comparison > 0 || comparison == 0 && !quotient.IsEven ? quotient + 1 : quotient;
    }
}
