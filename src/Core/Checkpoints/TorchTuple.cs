using System.Collections;
using System.Collections.ObjectModel;

namespace TrainingService.Core.Checkpoints;

/// <summary>
/// A Python tuple, such as Adam's <c>betas</c>. It is deliberately not an <see cref="IReadOnlyList{T}"/>, which is how
/// checkpoints spell a list, so a tuple written stays a tuple when read and a list stays a list.
/// </summary>
public sealed class TorchTuple : IEnumerable<object?>
{
    private readonly ReadOnlyCollection<object?> items;

    /// <summary>Copies <paramref name="items"/>; each must be a checkpoint value (long for ints, double for floats).</summary>
    public TorchTuple(params object?[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        this.items = Array.AsReadOnly(items.Select(item => TorchValues.Checked(item, nameof(items))).ToArray());
    }

    public static TorchTuple Empty { get; } = new();

    public int Count => items.Count;

    public IReadOnlyList<object?> Items => items;

    public object? this[int index] => items[index];

    public IEnumerator<object?> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
