using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using TrainingService.Core.Jobs;

namespace TrainingService.Core.Training.Failures;

/// <summary>
/// Turns the exception that ended a run into the one paragraph a job's <c>error</c> shows: what failed and
/// what to change. libtorch's messages carry C++ stack frames and build paths that say nothing to a user and
/// expose the server; those stay in the worker's log, which records the whole exception.
/// </summary>
public static partial class TrainingFailureMessage
{
    private const string OutOfMemoryAdvice = "Reduce hyperparameters.batchSize or the model size.";

    private const string NativeAdvice = "Check that the model, dataset.transforms and hyperparameters fit together "
        + "(a smaller hyperparameters.batchSize or model helps with resource errors), then submit the job again.";

    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var chain = Chain(exception).ToList();
        if (chain.Select(OutOfMemory).FirstOrDefault(message => message is not null) is { } outOfMemory)
        {
            return outOfMemory;
        }
        if (chain.FirstOrDefault(IsNative) is { } native)
        {
            return $"Training failed inside libtorch: {Sentence(FirstLine(native.Message))} {NativeAdvice}";
        }
        return OneParagraph(exception.Message);
    }

    /// <summary>The exception and those it wraps, outermost first.</summary>
    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException { InnerExceptions.Count: > 1 } aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.Skip(1).SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string? OutOfMemory(Exception exception)
    {
        if (exception is OutOfMemoryException)
        {
            return $"Training ran out of memory. {OutOfMemoryAdvice}";
        }
        var message = exception.Message;
        if (CpuAllocation().Match(message) is { Success: true } cpu)
        {
            var bytes = double.Parse(cpu.Groups["bytes"].Value, CultureInfo.InvariantCulture);
            return $"Training ran out of memory (libtorch could not allocate {ByteSizes.Describe(bytes)}). {OutOfMemoryAdvice}";
        }
        if (CudaAllocation().Match(message) is { Success: true } cuda)
        {
            var bytes = double.Parse(cuda.Groups["size"].Value, CultureInfo.InvariantCulture) * UnitBytes(cuda.Groups["unit"].Value);
            return $"Training ran out of GPU memory (libtorch could not allocate {ByteSizes.Describe(bytes)}). {OutOfMemoryAdvice}";
        }
        if (IsNative(exception) && message.Contains("out of memory", StringComparison.OrdinalIgnoreCase))
        {
            return $"Training ran out of {(message.Contains("CUDA", StringComparison.Ordinal) ? "GPU " : "")}memory. {OutOfMemoryAdvice}";
        }
        return null;
    }

    private static double UnitBytes(string unit) => unit switch
    {
        "GiB" => 1L << 30,
        "MiB" => 1L << 20,
        "KiB" => 1L << 10,
        _ => 1,
    };

    /// <summary>TorchSharp raises libtorch's errors as <see cref="ExternalException"/>; any message with C++ frames counts too.</summary>
    private static bool IsNative(Exception exception) =>
        exception is ExternalException
        || exception.Message.Contains("Exception raised from", StringComparison.Ordinal)
        || exception.Message.Contains("frame #0:", StringComparison.Ordinal);

    /// <summary>libtorch's own sentence: its first line, without the enforce prefix and with file names in place of paths.</summary>
    private static string FirstLine(string message)
    {
        var line = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        line = EnforcePrefix().Replace(line, "");
        return AbsolutePath().Replace(line, match => Path.GetFileName(match.Value)).Trim();
    }

    private static string OneParagraph(string message) => Whitespace().Replace(message, " ").Trim();

    private static string Sentence(string text) => text.Length == 0 ? "an unknown error." : text.EndsWith('.') ? text : text + ".";

    [GeneratedRegex(@"you tried to allocate (?<bytes>\d+) bytes")]
    private static partial Regex CpuAllocation();

    [GeneratedRegex(@"out of memory\. Tried to allocate (?<size>[0-9.]+) (?<unit>GiB|MiB|KiB|B)\b")]
    private static partial Regex CudaAllocation();

    [GeneratedRegex(@"^\[enforce fail at [^\]]*\]\s*([^.]*==[^.]*\.\s*)?")]
    private static partial Regex EnforcePrefix();

    [GeneratedRegex(@"(?<![\w.])(/[^\s/:()\[\]]+){2,}")]
    private static partial Regex AbsolutePath();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
