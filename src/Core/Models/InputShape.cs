using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace TrainingService.Core.Models;

/// <summary>The shape of one image a network takes: channels x height x width.</summary>
/// <remarks>Written "CxHxW"; read from that or from [C, H, W], in JSON and in text alike.</remarks>
[JsonConverter(typeof(InputShapeJsonConverter))]
public sealed record InputShape(int Channels, int Height, int Width)
{
    /// <summary>The largest size a request may give: beyond it a shape is a typo, and its activations would not fit in memory.</summary>
    public const int MaxSize = 4096;

    /// <summary>The forms a request may write, for the messages that refuse anything else.</summary>
    public const string ExpectedForm = "\"CxHxW\" or [C, H, W], with whole numbers from 1 to 4096, such as \"1x32x32\" or [1, 32, 32]";

    public override string ToString() => $"{Channels}x{Height}x{Width}";

    /// <summary>Reads "CxHxW" or "[C, H, W]"; spaces around the sizes are allowed.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out InputShape? shape)
    {
        shape = null;
        var trimmed = text?.Trim() ?? "";
        var parts = trimmed.StartsWith('[') && trimmed.EndsWith(']') ? trimmed[1..^1].Split(',') : trimmed.Split('x');
        var sizes = new List<int>(parts.Length);
        foreach (var part in parts)
        {
            if (!int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size)) return false;
            sizes.Add(size);
        }
        return TryCreate(sizes, out shape);
    }

    /// <summary>Makes a shape of exactly three sizes [C, H, W], each from 1 to <see cref="MaxSize"/>.</summary>
    public static bool TryCreate(IReadOnlyList<int> sizes, [NotNullWhen(true)] out InputShape? shape)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        shape = sizes.Count == 3 && sizes.All(s => s is >= 1 and <= MaxSize) ? new InputShape(sizes[0], sizes[1], sizes[2]) : null;
        return shape is not null;
    }
}
