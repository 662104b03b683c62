using System.Globalization;

namespace TrainingService.Core.Checkpoints;

/// <summary>
/// A key of a <see cref="TorchDict"/>: a str (state-dict names, option names) or an int (the parameter ids of
/// <c>optimizer.state_dict()["state"]</c>). The implicit conversions let callers write <c>dict["lr"]</c> and <c>dict[0]</c>.
/// </summary>
public readonly struct TorchKey : IEquatable<TorchKey>
{
    private readonly string? text;
    private readonly long number;

    private TorchKey(string? text, long number)
    {
        this.text = text;
        this.number = number;
    }

    public bool IsString => text is not null;

    /// <summary>The key as Python has it: a <see cref="string"/> or a boxed <see cref="long"/>.</summary>
    public object Value => text ?? (object)number;

    public static implicit operator TorchKey(string key) => FromString(key);

    public static implicit operator TorchKey(long key) => FromLong(key);

    public static bool operator ==(TorchKey left, TorchKey right) => left.Equals(right);

    public static bool operator !=(TorchKey left, TorchKey right) => !left.Equals(right);

    public static TorchKey FromString(string key) => new(key ?? throw new ArgumentNullException(nameof(key)), 0);

    public static TorchKey FromLong(long key) => new(null, key);

    /// <summary>As in Python, the str "0" and the int 0 are different keys.</summary>
    public bool Equals(TorchKey other) => string.Equals(text, other.text, StringComparison.Ordinal) && (text is not null || number == other.number);

    public override bool Equals(object? obj) => obj is TorchKey other && Equals(other);

    public override int GetHashCode() => text is null ? number.GetHashCode() : StringComparer.Ordinal.GetHashCode(text);

    /// <summary>Python's repr, so messages and key paths read like the subscripts a Python user would type.</summary>
    public override string ToString() => text is null
        ? number.ToString(CultureInfo.InvariantCulture)
        : $"'{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}'";
}
