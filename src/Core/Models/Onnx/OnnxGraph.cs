using System.Buffers.Binary;
using Google.Protobuf;
using Onnx;

namespace TrainingService.Core.Models.Onnx;

/// <summary>
/// The graph under construction: nodes in topological order (each is added after its inputs exist), initializers,
/// and names kept unique, since ONNX requires every value to be assigned exactly once.
/// </summary>
internal sealed class OnnxGraph
{
    private readonly HashSet<string> names = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, double), string> scalars = [];

    public OnnxGraph(string name, params string[] reserved)
    {
        Proto = new GraphProto { Name = name };
        names.UnionWith(reserved);
    }

    public GraphProto Proto { get; }

    /// <summary>Bytes held by initializers, to refuse a model protobuf cannot hold (2 GiB) before it is serialised.</summary>
    public long InitializerBytes { get; private set; }

    /// <summary>Adds a node with one output, named after the module it belongs to and its operator (<c>features.0/Conv</c>).</summary>
    public string Node(string opType, string scope, IReadOnlyList<string> inputs, params AttributeProto[] attributes) =>
        NodeTo(Unique(scope.Length == 0 ? opType : $"{scope}/{opType}"), opType, inputs, attributes);

    /// <summary>Adds a node whose single output has a name fixed by the caller (the graph's output).</summary>
    public string NodeTo(string output, string opType, IReadOnlyList<string> inputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        Proto.Node.Add(node);
        return output;
    }

    /// <summary>An initializer over bytes that are already little-endian; they are wrapped, not copied, so large weights exist once.</summary>
    public string Initializer(string wanted, TensorProto.Types.DataType type, IEnumerable<long> dims, byte[] littleEndian)
    {
        var tensor = new TensorProto { Name = Unique(wanted), DataType = (int)type, RawData = UnsafeByteOperations.UnsafeWrap(littleEndian) };
        tensor.Dims.AddRange(dims);
        Proto.Initializer.Add(tensor);
        InitializerBytes += littleEndian.Length;
        return tensor.Name;
    }

    public string Floats(string wanted, float[] values, params long[] dims)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        }
        return Initializer(wanted, TensorProto.Types.DataType.Float, dims, bytes);
    }

    public string Int64s(string wanted, params long[] values)
    {
        var bytes = new byte[values.Length * sizeof(long)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * sizeof(long)), values[i]);
        }
        return Initializer(wanted, TensorProto.Types.DataType.Int64, [values.Length], bytes);
    }

    /// <summary>A float32 scalar constant, shared by every node that uses the same value for the same purpose.</summary>
    public string Scalar(string purpose, double value)
    {
        if (!scalars.TryGetValue((purpose, value), out var name))
        {
            name = Floats($"const.{purpose}", [(float)value]);
            scalars[(purpose, value)] = name;
        }
        return name;
    }

    private string Unique(string wanted)
    {
        var name = wanted;
        for (var suffix = 1; !names.Add(name); suffix++)
        {
            name = $"{wanted}_{suffix}";
        }
        return name;
    }
}
