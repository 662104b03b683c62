namespace TrainingService.Core.Datasets;

/// <summary>Fetches one mirror's gzip into a temporary file next to the target, then hands it to the installer.</summary>
internal static class GzipDownloader
{
    /// <returns>Null once installed, otherwise why this mirror failed.</returns>
    public static async Task<string?> DownloadAsync(
        HttpClient http, string url, string targetPath, DatasetFile file, CancellationToken ct)
    {
        var gzipPath = $"{targetPath}.{Guid.NewGuid():N}.gz.tmp";
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                return $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            }

            await using (var body = await response.Content.ReadAsStreamAsync(ct))
            await using (var output = new FileStream(gzipPath, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await body.CopyToAsync(output, ct);
            }

            return await GzipInstaller.InstallAsync(gzipPath, targetPath, file, ct);
        }
        finally
        {
            File.Delete(gzipPath);
        }
    }
}
