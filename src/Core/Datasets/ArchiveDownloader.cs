namespace TrainingService.Core.Datasets;

/// <summary>Fetches one mirror's archive into a temporary file, hands it to the installer and deletes it.</summary>
internal static class ArchiveDownloader
{
    /// <returns>Null once installed, otherwise why this mirror failed.</returns>
    public static async Task<string?> DownloadAsync(
        HttpClient http, string url, string folder, DatasetArchive archive, IReadOnlyList<string> files, CancellationToken ct)
    {
        var archivePath = Path.Combine(folder, $"{archive.FileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                return $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            }

            await using (var body = await response.Content.ReadAsStreamAsync(ct))
            await using (var output = new FileStream(archivePath, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await body.CopyToAsync(output, ct);
            }

            return await TarGzInstaller.InstallAsync(archivePath, folder, archive, files, ct);
        }
        finally
        {
            File.Delete(archivePath);
        }
    }
}
