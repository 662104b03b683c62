namespace TrainingService.Benchmarks;

/// <summary>Finds the checkout the tool runs from, so the default data folder is the one the service and tests use.</summary>
internal static class RepositoryRoot
{
    private const string Marker = "TrainingService.slnx";

    /// <summary>
    /// Walks up from the working directory, then from the binary's folder: <c>dotnet run</c> may be
    /// started anywhere, but its output always lies inside the checkout.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">Neither folder lies inside a checkout.</exception>
    public static string Find() =>
        FindAbove(Directory.GetCurrentDirectory()) ?? FindAbove(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException($"No {Marker} above {Directory.GetCurrentDirectory()}; pass --data-root.");

    private static string? FindAbove(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, Marker)))
            {
                return folder.FullName;
            }
        }
        return null;
    }
}
