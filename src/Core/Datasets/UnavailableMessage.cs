using System.Text;

namespace TrainingService.Core.Datasets;

/// <summary>
/// Wording of <see cref="DatasetUnavailableException"/>: everything an operator of an offline node needs
/// to fix the problem by hand, without reading code.
/// </summary>
internal static class UnavailableMessage
{
    public static string Build(
        DatasetFile file, string folder, string? rejection, IReadOnlyList<string> failures, bool downloadsEnabled)
    {
        var text = new StringBuilder();
        text.AppendLine($"Dataset file '{file.FileName}' is not available in {folder}.");
        if (rejection is not null)
        {
            text.AppendLine($"The file there was rejected: {rejection}.");
        }

        text.AppendLine(file.Sha256 is null
            ? $"Put its gzip there as '{file.FileName}.gz' (MD5 {file.GzipMd5}); no SHA-256 of the uncompressed "
              + "file is published, so only the gzip can be verified."
            : $"Put the uncompressed file there ({file.Size} bytes, SHA-256 {file.Sha256}) or its gzip as "
              + $"'{file.FileName}.gz'{(file.GzipMd5 is null ? "" : $" (MD5 {file.GzipMd5})")}.");
        text.AppendLine($"The gzip can be downloaded from: {string.Join(", ", file.Urls)}");
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
