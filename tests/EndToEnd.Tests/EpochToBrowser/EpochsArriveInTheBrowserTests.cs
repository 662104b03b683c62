using TrainingService.EndToEnd.Tests.BrowserSupport;
using TrainingService.EpochToBrowser;
using TrainingService.Faults.Harness;
using TrainingService.Tests.Shared;

namespace TrainingService.EndToEnd.Tests.EpochToBrowser;

/// <summary>
/// The short version of <c>tools/EpochToBrowser</c>: the same run (real Api, Web and Worker on a private PostgreSQL
/// with commit timestamps on, a signed-in Chromium on the job page) over a few epochs, checking what arrived and how
/// often, never how fast.
/// </summary>
public sealed class EpochsArriveInTheBrowserTests
{
    private const int Epochs = 5;

    [SkippableFact]
    public async Task Every_epoch_of_a_running_job_appears_on_its_page_exactly_once_after_its_row_committed()
    {
        Skip.IfNot(HeadlessChromium.IsInstalled, $"{HeadlessChromium.ExecutablePath} is not installed");
        var folder = PostgresCluster.CreateWorkFolder("epoch-to-browser-");
        try
        {
            IReadOnlyList<EpochArrival> arrivals;
            await using (var cluster = await PostgresCluster.StartAsync(Path.Combine(folder.FullName, "pg")))
            {
                await EpochToBrowserRun.EnableCommitTimestampsAsync(cluster);
                arrivals = await new EpochToBrowserRun(cluster, folder.FullName, RepositoryPaths.DatasetRoot)
                    .RunAsync(Epochs, trainImages: 256, TimeSpan.FromMinutes(4));
            }

            Assert.Equal(Enumerable.Range(1, Epochs), arrivals.Select(a => a.Epoch));
            Assert.All(arrivals, arrival =>
            {
                Assert.Single(arrival.PageAt);
                Assert.NotNull(arrival.CommittedAt);
                Assert.NotNull(arrival.HubAt);
                // One clock for all three, so the page can only show an epoch after its row committed.
                Assert.True(arrival.CommitToPage > 0, $"epoch {arrival.Epoch} showed {arrival.CommitToPage} ms after its commit");
            });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
