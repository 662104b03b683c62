using TrainingService.Core.Jobs;

namespace TrainingService.Core.Datasets;

/// <summary>A dataset whose content depends on the job's dataset options (a generated dataset's shape, say).</summary>
public interface IConfigurableDatasetSource : IDatasetSource
{
    IDatasetSource Configure(DatasetSpec dataset);
}
