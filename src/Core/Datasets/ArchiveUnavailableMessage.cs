using System.Text;

namespace TrainingService.Core.Datasets;

/// <summary>
/// Wording of <see cref="DatasetUnavailableException"/> for archive-shipped datasets: the two ways an
/// operator of an offline node can supply the data by hand, the archive or its extracted files.
/// </summary>
internal static class ArchiveUnavailableMessage
{
    public static string Build(
        DatasetArchive archive, string folder, IReadOnlyList<string> files, IReadOnlyList<string> failures, bool downloadsEnabled)
    {
        var text = new StringBuilder();
        text.AppendLine($"Dataset archive '{archive.FileName}' is not available in {folder}.");
        text.AppendLine($"Put the archive there as '{archive.FileName}' (MD5 {archive.Md5}); it is verified and extracted on the next load.");
        text.AppendLine($"Or extract it yourself so that these files exist: {string.Join(", ", files.Select(f => Path.Combine(folder, f)))}.");
        text.AppendLine($"The archive can be downloaded from: {string.Join(", ", archive.Urls)}");
        if (!downloadsEnabled)
        {
            text.AppendLine("Downloads are disabled on this node (no HTTP client configured), so nothing was fetched.");
        }

        foreach (var failure in failures)
        {
            text.AppendLine($"Tried {failure}");
        }

        return text.ToString().TrimEnd();
    }
}
