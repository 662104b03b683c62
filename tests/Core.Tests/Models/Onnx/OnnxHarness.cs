using Microsoft.ML.OnnxRuntime;
using TorchSharp.Modules;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Models.Architecture;
using TrainingService.Core.Models.Building;
using TrainingService.Core.Models.Onnx;
using static TorchSharp.torch;

namespace TrainingService.Core.Tests.Models.Onnx;

/// <summary>Builds networks with seeded weights, exports them, and runs the files in ONNX Runtime.</summary>
internal static class OnnxHarness
{
    public const double Tolerance = 1e-4;

    /// <summary>
    /// The module of a description with seeded weights, in eval mode. Batch norms get weights, biases and running
    /// statistics away from their 1/0 defaults, so that an export that ignored them, or used batch statistics, would show.
    /// </summary>
    public static nn.Module<Tensor, Tensor> Build(NetworkSpec network, int seed)
    {
        manual_seed(seed);
        var model = ModuleBuilder.Build(network);
        using (no_grad())
        {
            foreach (var (_, module) in model.named_modules())
            {
                if (module is BatchNorm2d norm)
                {
                    norm.weight!.uniform_(0.8, 1.2);
                    norm.bias!.uniform_(-0.1, 0.1);
                    norm.running_mean!.uniform_(-0.1, 0.1);
                    norm.running_var!.uniform_(1.0, 1.5);
                }
            }
        }
        model.eval();
        return model;
    }

    public static byte[] Export(NetworkSpec network, nn.Module model, OnnxExportOptions? options = null)
    {
        using var stream = new MemoryStream();
        OnnxExporter.Write(network, StateDictConversion.FromModule(model), options ?? OnnxExportOptions.Default, stream);
        return stream.ToArray();
    }

    public static void ExportTo(string path, NetworkSpec network, nn.Module model, OnnxExportOptions? options = null)
    {
        using var stream = File.Create(path);
        OnnxExporter.Write(network, StateDictConversion.FromModule(model), options ?? OnnxExportOptions.Default, stream);
    }

    /// <summary>TorchSharp's eval logits, as floats [batch, classes].</summary>
    public static float[,] Logits(nn.Module<Tensor, Tensor> model, Tensor input)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return Matrix(model.call(input));
    }

    public static float[,] Matrix(Tensor logits)
    {
        var rows = (int)logits.shape[0];
        var columns = (int)logits.shape[1];
        var values = logits.contiguous().data<float>().ToArray();
        var matrix = new float[rows, columns];
        Buffer.BlockCopy(values, 0, matrix, 0, values.Length * sizeof(float));
        return matrix;
    }

    public static InferenceSession Session(string path) => new(path, Options());

    public static InferenceSession Session(byte[] model) => new(model, Options());

    /// <summary>Runs the first <paramref name="batch"/> images of <paramref name="input"/> (a CPU tensor) through the file.</summary>
    public static float[,] Run<T>(InferenceSession session, Tensor input, int batch) where T : unmanaged
    {
        using var slice = input.narrow(0, 0, batch).contiguous();
        var shape = slice.shape.Select(size => (int)size).ToArray();
        var tensor = new Microsoft.ML.OnnxRuntime.Tensors.DenseTensor<T>(slice.data<T>().ToArray(), shape);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(OnnxExporter.InputName, tensor)]);
        var output = results.Single(result => result.Name == OnnxExporter.OutputName).AsTensor<float>();
        var matrix = new float[output.Dimensions[0], output.Dimensions[1]];
        for (var row = 0; row < output.Dimensions[0]; row++)
        {
            for (var column = 0; column < output.Dimensions[1]; column++)
            {
                matrix[row, column] = output[row, column];
            }
        }
        return matrix;
    }

    /// <summary>The largest absolute difference over the first rows of <paramref name="expected"/> that <paramref name="actual"/> has.</summary>
    public static double MaxDifference(float[,] expected, float[,] actual)
    {
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        var worst = 0.0;
        for (var row = 0; row < actual.GetLength(0); row++)
        {
            for (var column = 0; column < actual.GetLength(1); column++)
            {
                worst = Math.Max(worst, Math.Abs(expected[row, column] - actual[row, column]));
            }
        }
        return worst;
    }

    /// <summary>Two intra-op threads, like the suite's TorchSharp; the graph optimisations ORT applies by default stay on.</summary>
    private static SessionOptions Options() => new() { IntraOpNumThreads = 2, InterOpNumThreads = 1 };
}
