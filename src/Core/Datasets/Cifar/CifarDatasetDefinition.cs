namespace TrainingService.Core.Datasets.Cifar;

/// <summary>
/// The table entry of a dataset in CIFAR's binary layout: its description, the archive that ships it
/// and the files inside, which live under <c>&lt;root&gt;/&lt;Info.Name&gt;/&lt;BatchesFolder&gt;/</c>.
/// </summary>
/// <param name="RecordsPerFile">
/// Records every batch file must hold (10,000 in the official files), or null to accept any count,
/// which is how tests load small generated files.
/// </param>
public sealed record CifarDatasetDefinition(
    DatasetInfo Info,
    DatasetArchive Archive,
    string BatchesFolder,
    IReadOnlyList<string> TrainFiles,
    string TestFile,
    string MetaFile,
    int? RecordsPerFile)
{
    /// <summary>Every file the loader needs, relative to the dataset folder as they appear inside the archive.</summary>
    public IReadOnlyList<string> RequiredFiles =>
        [.. TrainFiles.Append(TestFile).Append(MetaFile).Select(file => $"{BatchesFolder}/{file}")];
}
