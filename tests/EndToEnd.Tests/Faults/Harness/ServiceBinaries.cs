namespace TrainingService.Faults.Harness;

/// <summary>
/// Where the checkout and the built Api and Worker are: the same configuration (Debug or Release) as
/// the assembly running this code, whose build also built them.
/// </summary>
public static class ServiceBinaries
{
    private const string Marker = "TrainingService.slnx";

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static string Dll(string project) =>
        Path.Combine(RepositoryRoot, "src", project, "bin", Configuration, "net10.0", $"TrainingService.{project}.dll");

    public static string Script(string name) => Path.Combine(RepositoryRoot, "scripts", name);

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, Marker)))
                {
                    return folder.FullName;
                }
            }
        }
        throw new DirectoryNotFoundException($"No {Marker} above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}.");
    }
}
