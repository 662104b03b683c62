namespace TrainingService.Tests.Shared;

/// <summary>Finds the repository root and the folders test.sh prepares.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Where the real MNIST files are (test.sh provisions them).</summary>
    public static string DatasetRoot =>
        Environment.GetEnvironmentVariable("TEST_MNIST_ROOT") ?? Path.Combine(Root, ".data", "datasets");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TrainingService.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (TrainingService.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
