using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TrainingService.Core.Datasets;

/// <summary>
/// Keeps dataset files under <c>&lt;root&gt;/&lt;dataset&gt;/</c> and hands out only verified ones.
/// Without an <see cref="HttpClient"/> it never touches the network, which is how offline nodes run.
/// Concurrent callers are safe: every download uses its own temporary files and ends in an atomic rename.
/// </summary>
public sealed partial class DatasetFileStore
{
    private readonly HttpClient? http;
    private readonly ILogger logger;

    public DatasetFileStore(string rootFolder, HttpClient? http = null, ILogger<DatasetFileStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootFolder);
        RootFolder = Path.GetFullPath(rootFolder);
        this.http = http;
        this.logger = logger ?? NullLogger<DatasetFileStore>.Instance;
    }

    public string RootFolder { get; }

    public string FolderFor(string datasetFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetFolder);
        if (datasetFolder != Path.GetFileName(datasetFolder) || datasetFolder is "." or "..")
        {
            throw new ArgumentException($"'{datasetFolder}' must be a folder name, not a path", nameof(datasetFolder));
        }

        return Path.Combine(RootFolder, datasetFolder);
    }

    /// <summary>Returns the path of the verified file, installing it from a local gzip or a mirror if needed.</summary>
    /// <exception cref="DatasetUnavailableException">No verified copy exists and none could be obtained.</exception>
    public async Task<string> EnsureAsync(string datasetFolder, DatasetFile file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        var folder = FolderFor(datasetFolder);
        var path = Path.Combine(folder, file.FileName);
        string? rejection = null;
        if (File.Exists(path))
        {
            rejection = await ExistingFileCheck.FindProblemAsync(path, file, ct);
            if (rejection is null)
            {
                return path;
            }

            LogRejected(path, rejection);
        }

        Directory.CreateDirectory(folder);
        var attempts = new InstallAttempts(logger, ct);
        var localGzip = path + ".gz";
        if (File.Exists(localGzip)
            && await attempts.TryAsync(localGzip, () => GzipInstaller.InstallAsync(localGzip, path, file, ct)))
        {
            return path;
        }

        foreach (var url in http is null ? [] : file.Urls)
        {
            LogDownloading(url, path);
            if (await attempts.TryAsync(url, () => GzipDownloader.DownloadAsync(http!, url, path, file, ct)))
            {
                return path;
            }
        }

        throw new DatasetUnavailableException(
            file.FileName, folder, UnavailableMessage.Build(file, folder, rejection, attempts.Failures, http is not null));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dataset file {Path} failed verification: {Problem}")]
    private partial void LogRejected(string path, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Downloading {Url} to {Path}")]
    private partial void LogDownloading(string url, string path);
}
