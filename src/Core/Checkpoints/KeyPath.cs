using System.Globalization;
using System.Text;

namespace TrainingService.Core.Checkpoints;

/// <summary>
/// Where a value sits in a checkpoint, written as the Python subscripts that reach it, e.g.
/// <c>checkpoint['optimizer']['param_groups'][0]['lr']</c>, so an error points at the exact value.
/// </summary>
internal sealed class KeyPath
{
    private readonly KeyPath? parent;
    private readonly string subscript;

    private KeyPath(KeyPath? parent, string subscript)
    {
        this.parent = parent;
        this.subscript = subscript;
    }

    public static KeyPath Root { get; } = new(null, "checkpoint");

    public KeyPath Key(TorchKey key) => new(this, $"[{key}]");

    public KeyPath Index(int index) => new(this, $"[{index.ToString(CultureInfo.InvariantCulture)}]");

    public override string ToString()
    {
        var subscripts = new Stack<string>();
        for (var path = this; path is not null; path = path.parent)
        {
            subscripts.Push(path.subscript);
        }

        return subscripts.Aggregate(new StringBuilder(), (text, part) => text.Append(part)).ToString();
    }
}
