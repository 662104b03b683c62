using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TrainingService.Core.Datasets.ImageFolders;
using TrainingService.Tests.Shared;

namespace TrainingService.Api.Tests;

/// <summary>
/// The real Api on a database of its own, with a fresh temporary dataset root: uploads must never land in the
/// repository's .data/datasets, and a small upload limit lets a test pass it without sending a gigabyte.
/// </summary>
public sealed class UploadingApiFactory : IAsyncLifetime
{
    public const long MaxUploadBytes = 256 * 1024;

    private readonly ApiFactory _inner = new();
    private WebApplicationFactory<Program>? _api;

    public string DatasetRoot { get; } = Directory.CreateTempSubdirectory("api-datasets-").FullName;

    /// <summary>Where the Api keeps imported image folders (and stages imports).</summary>
    public string UploadFolder => Path.Combine(DatasetRoot, ImageFolderCatalog.FolderName);

    /// <summary>Serve over real Kestrel on a free port rather than the in-memory test server.</summary>
    public bool Kestrel { get; init; }

    /// <summary>Further settings for the host (limits a test wants small).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public WebApplicationFactory<Program> Api => _api ?? throw new InvalidOperationException("Not initialised.");

    public TestDatabase Database => _inner.Database;

    /// <summary>Everything under the upload folder, staging folders included, as paths relative to it.</summary>
    public IReadOnlyList<string> UploadFolderEntries() =>
        Directory.Exists(UploadFolder)
            ? Directory.EnumerateFileSystemEntries(UploadFolder, "*", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(UploadFolder, path)).Order(StringComparer.Ordinal).ToArray()
            : [];

    public async Task InitializeAsync()
    {
        await _inner.InitializeAsync();
        _api = _inner.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("StorageOptions:DatasetRoot", DatasetRoot);
            builder.UseSetting("ImageFolderLimits:MaxUploadBytes", MaxUploadBytes.ToString(CultureInfo.InvariantCulture));
            foreach (var (key, value) in Settings) builder.UseSetting(key, value);
            // A port of its own: the port given to UseKestrel does not reach a factory made by WithWebHostBuilder, which
            // then listened on 5000 and collided with any other test run on the machine.
            if (Kestrel) builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        });
        if (Kestrel)
        {
            _api.UseKestrel(0);
            _api.StartServer();
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
        await ((IAsyncLifetime)_inner).DisposeAsync();
        Directory.Delete(DatasetRoot, recursive: true);
    }
}
