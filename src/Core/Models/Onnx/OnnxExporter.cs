using Google.Protobuf;
using Onnx;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Models.Onnx;

/// <summary>
/// Writes a described network with its weights as an ONNX model (IR version 8, opset 17: what ONNX Runtime runs and
/// ONNX 1.12's checker, Debian's, still accepts), from the same description that builds the TorchSharp module, the
/// summary and the PyTorch source. Input <c>input</c> [batch, C, H, W] float32 (raw pixels with preprocessing),
/// output <c>logits</c> [batch, classes]; the batch is the dynamic dimension <c>batch</c>; weights are initializers
/// under their state-dict keys.
/// </summary>
public static class OnnxExporter
{
    public const long IrVersion = 8;
    public const long Opset = 17;
    public const string InputName = "input";
    public const string OutputName = "logits";
    public const string BatchDimension = "batch";
    public const string MediaType = "application/onnx";

    /// <summary>Protobuf cannot serialise a message of 2 GiB or more; ONNX's external-data form is not written.</summary>
    public const long MaxInitializerBytes = int.MaxValue - (64L << 20);

    /// <param name="weights">The state dict (a checkpoint's tensors); keys and shapes must match the network exactly.</param>
    /// <exception cref="ArgumentException">The weights do not fit the network, or the preprocessing does not reach its input.</exception>
    /// <exception cref="NotSupportedException">The network uses something ONNX cannot express exactly, or is too large for one file.</exception>
    public static void Write(NetworkSpec network, IReadOnlyList<StateTensor> weights, OnnxExportOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Build(network, weights, options).WriteTo(output);
    }

    internal static ModelProto Build(NetworkSpec network, IReadOnlyList<StateTensor> weights, OnnxExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(options);
        var graph = new OnnxGraph(network.Name, InputName, OutputName);
        var input = network.Input;
        OnnxValue x;
        if (options.Preprocessing is { } preprocessing)
        {
            var raw = preprocessing.RawInput;
            var type = preprocessing.ElementType == OnnxRawElementType.UInt8 ? TensorProto.Types.DataType.Uint8 : TensorProto.Types.DataType.Float;
            graph.Proto.Input.Add(Value(InputName, type, [raw.Channels, raw.Height, raw.Width]));
            x = new OnnxPreprocessingEmitter(graph).Emit(preprocessing, InputName);
            if (!x.Shape.SequenceEqual([input.Channels, input.Height, input.Width]))
            {
                throw new ArgumentException($"The preprocessing gives {string.Join("x", x.Shape)} images but {network.Name} takes {input}.", nameof(options));
            }
        }
        else
        {
            graph.Proto.Input.Add(Value(InputName, TensorProto.Types.DataType.Float, [input.Channels, input.Height, input.Width]));
            x = new OnnxValue(InputName, [input.Channels, input.Height, input.Width]);
        }

        var lookup = new OnnxWeights(weights);
        var logits = new OnnxNetworkEmitter(graph, lookup).Emit(network.Root, "", x);
        lookup.CheckAllUsed();
        if (graph.InitializerBytes > MaxInitializerBytes)
        {
            throw new NotSupportedException($"{network.Name} holds {graph.InitializerBytes:N0} bytes of weights, more than one ONNX file can (2 GiB).");
        }
        graph.NodeTo(OutputName, "Identity", [logits.Name]);
        graph.Proto.Output.Add(Value(OutputName, TensorProto.Types.DataType.Float, logits.Shape));

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "TrainingService",
            ProducerVersion = typeof(OnnxExporter).Assembly.GetName().Version?.ToString() ?? "",
            DocString = options.Description ?? "",
            Graph = graph.Proto,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        model.MetadataProps.AddRange(options.Metadata.Select(entry => new StringStringEntryProto { Key = entry.Key, Value = entry.Value }));
        return model;
    }

    private static ValueInfoProto Value(string name, TensorProto.Types.DataType type, IEnumerable<long> perSample)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = BatchDimension });
        shape.Dim.AddRange(perSample.Select(size => new TensorShapeProto.Types.Dimension { DimValue = size }));
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }
}
