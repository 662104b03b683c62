namespace TrainingService.Core.Bundles;

/// <summary>The bundle's <c>evaluate.py</c>, kept as a Python file in the source tree and embedded in the assembly.</summary>
public static class EvaluateScript
{
    private static readonly Lazy<string> Content = new(() =>
    {
        using var stream = typeof(EvaluateScript).Assembly.GetManifestResourceStream("TrainingService.Core.Bundles.evaluate.py")
            ?? throw new InvalidOperationException("evaluate.py is not embedded in the Core assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Text => Content.Value;
}
