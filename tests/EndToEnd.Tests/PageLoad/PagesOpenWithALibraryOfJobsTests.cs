using TrainingService.EndToEnd.Tests.BrowserSupport;
using TrainingService.Faults.Harness;
using TrainingService.PageLoad;
using TrainingService.Tests.Shared;

namespace TrainingService.EndToEnd.Tests.PageLoad;

/// <summary>
/// The short version of <c>tools/PageLoad</c>: the same run (real Api and Web on a private PostgreSQL seeded with a
/// library of jobs and one long running job, a signed-in Chromium) with fewer jobs and loads, checking that both pages
/// show their data every time and never blank it when they go live, never how fast.
/// </summary>
public sealed class PagesOpenWithALibraryOfJobsTests
{
    private const int LongEpochs = 40;

    [SkippableFact]
    public async Task The_jobs_list_and_a_long_jobs_page_show_their_data_on_every_load_and_keep_it_when_they_go_live()
    {
        Skip.IfNot(HeadlessChromium.IsInstalled, $"{HeadlessChromium.ExecutablePath} is not installed");
        var folder = PostgresCluster.CreateWorkFolder("page-load-");
        try
        {
            PageLoadTimes times;
            await using (var cluster = await PostgresCluster.StartAsync(Path.Combine(folder.FullName, "pg")))
            {
                times = await new PageLoadRun(cluster, folder.FullName, RepositoryPaths.DatasetRoot)
                    .RunAsync(jobs: 300, LongEpochs, loads: 2, warmUpLoads: 1);
            }

            Assert.Equal(2, times.JobsList.Count);
            Assert.Equal(2, times.JobPage.Count);
            Assert.Equal(LongEpochs, times.EpochRowsShown);
            // The prerendered rows stay while the circuit starts: its first render has the prerender's snapshot.
            Assert.All(times.JobsList.Concat(times.JobPage), load => Assert.Equal(0, load.DataLost));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
