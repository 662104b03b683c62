using System.Diagnostics.CodeAnalysis;
using TrainingService.Core.Datasets.Cifar;
using TrainingService.Core.Datasets.ImageFolders;

namespace TrainingService.Core.Datasets;

/// <summary>
/// The datasets a worker can train on, by case-insensitive name (in the manner of torchvision's
/// list_models/get_model). Fill it at startup; lookups afterwards may run concurrently.
/// </summary>
public sealed class DatasetRegistry
{
    private readonly Dictionary<string, IDatasetSource> byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IDatasetSource> inOrder = [];

    /// <summary>
    /// MNIST, Fashion-MNIST and CIFAR-10, stored under <c>&lt;root&gt;/&lt;name&gt;</c>; generated data; and
    /// the uploaded image folders of <paramref name="imageFolders"/> (by default those under <c>&lt;root&gt;/imagefolder</c>).
    /// </summary>
    public static DatasetRegistry CreateDefault(DatasetFileStore store, ImageFolderCatalog? imageFolders = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var registry = new DatasetRegistry();
        registry.Register(new IdxDatasetSource(MnistDataset.Definition, store));
        registry.Register(new IdxDatasetSource(FashionMnistDataset.Definition, store));
        registry.Register(new CifarDatasetSource(Cifar10Dataset.Definition, store));
        registry.Register(new Synthetic.SyntheticDatasetSource(new Synthetic.SyntheticDatasetSpec()));
        registry.Register(new UploadedImageFolders(imageFolders ?? new ImageFolderCatalog(store.RootFolder)));
        return registry;
    }

    /// <exception cref="InvalidOperationException">A dataset of that name, in any letter case, is already registered.</exception>
    public void Register(IDatasetSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var name = source.Info.Name;
        if (byName.TryGetValue(name, out var existing))
        {
            throw new InvalidOperationException(
                $"A dataset named '{existing.Info.Name}' is already registered; cannot register '{name}' as well.");
        }

        byName.Add(name, source);
        inOrder.Add(source);
    }

    /// <summary>Descriptions of all registered datasets in registration order.</summary>
    public IReadOnlyList<DatasetInfo> List() => inOrder.Select(source => source.Info).ToArray();

    public bool TryGet(string name, [MaybeNullWhen(false)] out IDatasetSource source) =>
        byName.TryGetValue(name, out source);

    /// <exception cref="KeyNotFoundException">No dataset has that name; the message lists those that exist.</exception>
    public IDatasetSource Get(string name) =>
        TryGet(name, out var source)
            ? source
            : throw new KeyNotFoundException(
                $"No dataset named '{name}'. Known datasets: {string.Join(", ", inOrder.Select(s => s.Info.Name))}.");

    /// <summary>The source a job trains on: the registered one, configured with the job's options where it takes any.</summary>
    /// <exception cref="KeyNotFoundException">No dataset has the name, or no uploaded image folder has the id.</exception>
    /// <exception cref="ArgumentException">The dataset needs an id and the job gives none.</exception>
    public IDatasetSource Resolve(Jobs.DatasetSpec dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var source = Get(dataset.Name);
        return source is IConfigurableDatasetSource configurable ? configurable.Configure(dataset) : source;
    }
}
