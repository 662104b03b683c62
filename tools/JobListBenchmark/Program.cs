using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrainingService.Contracts.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.JobListBenchmark.Seeding;

namespace TrainingService.JobListBenchmark;

internal static class Benchmark
{
    public static async Task Main(string[] args)
    {
        // Usage: dotnet run -c Release --project tools/JobListBenchmark -- --postgres "<server connection string>" [--jobs 10000] [--requests 200] [--keep] [--sql]
        // Creates a fresh database on that server, seeds it, times each query shape over HTTP, prints a table and drops the database.
        var arguments = args.Select((value, index) => (value, index)).ToDictionary(a => a.index, a => a.value);
        string? Option(string name) => arguments.Values.SkipWhile(v => v != name).Skip(1).FirstOrDefault();
        var server = Option("--postgres") ?? Environment.GetEnvironmentVariable("TEST_POSTGRES")
            ?? throw new InvalidOperationException("Pass --postgres \"Host=...;Username=...\" (a server the benchmark may create a database on) or set TEST_POSTGRES.");
        var jobCount = int.Parse(Option("--jobs") ?? "10000");
        var requests = int.Parse(Option("--requests") ?? "200");
        // --keep leaves the database for EXPLAIN ANALYZE; --sql logs the SQL of each request (the first shapes' queries are the Api's own).
        var keep = args.Contains("--keep");
        var logSql = args.Contains("--sql");

        var database = $"job_list_benchmark_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        await Sql(admin, $"CREATE DATABASE \"{database}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        try
        {
            var contexts = new SeedingContexts(connectionString);
            Console.WriteLine($"Seeding {jobCount} jobs into {database}...");
            var seeding = Stopwatch.StartNew();
            var (adminUser, member) = await JobLibrarySeeder.SeedAsync(contexts, jobCount, Console.Out);
            Console.WriteLine($"  seeded in {seeding.Elapsed.TotalSeconds:0.0} s");
            const int LongEpochs = 300, StepsPerEpoch = 200;
            var longJob = await LongJobSeeder.SeedAsync(contexts, member, LongEpochs, StepsPerEpoch);
            Console.WriteLine($"  and one running job of {LongEpochs} epochs x {StepsPerEpoch} steps ({longJob}) for the job page");
            await using var api = new ListApi(connectionString, logSql);
            api.StartServer();

            var sweep = await FirstSweepAsync(contexts);
            var shapes = new (string Name, string Key, JobListQuery Query)[]
            {
                ("default page (admin)", adminUser.Key.Secret, new JobListQuery()),
                ("default page (member)", member.Key.Secret, new JobListQuery()),
                ("status=Running,Queued", adminUser.Key.Secret, new JobListQuery(Status: ["Running", "Queued"])),
                ("tag=baseline", adminUser.Key.Secret, new JobListQuery(Tag: "baseline")),
                ("q=smaller (text)", adminUser.Key.Secret, new JobListQuery(Text: "smaller")),
                ("model+dataset", adminUser.Key.Secret, new JobListQuery(Model: "resnet20", Dataset: "cifar10")),
                ("sweep", adminUser.Key.Secret, new JobListQuery(Sweep: sweep)),
                ("sort=testAccuracy desc", adminUser.Key.Secret, new JobListQuery(Sort: JobListSort.TestAccuracy, Order: JobListSort.Descending)),
                ("sort=name, pageSize=100", adminUser.Key.Secret, new JobListQuery(PageSize: 100, Sort: JobListSort.Name)),
                ("page=50", adminUser.Key.Secret, new JobListQuery(Page: 50)),
                ("page=5 (member)", member.Key.Secret, new JobListQuery(Page: 5)),
                ("tag+q+status (member)", member.Key.Secret, new JobListQuery(Status: ["Succeeded"], Tag: "final", Text: "resnet")),
            };
            Console.WriteLine($"\n{requests} sequential requests per shape after 20 warm-up requests, over HTTP to Kestrel on loopback:\n");
            Console.WriteLine($"| query | matches | p50 ms | p95 ms | max ms |");
            Console.WriteLine($"|---|---:|---:|---:|---:|");
            foreach (var (name, key, query) in shapes)
            {
                using var client = api.CreateDefaultClient();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
                var url = $"/api/jobs?{query.ToQueryString()}";
                var total = 0;
                for (var i = 0; i < 20; i++) total = await TotalOfAsync(client, url);
                var times = new List<double>(requests);
                for (var i = 0; i < requests; i++)
                {
                    var watch = Stopwatch.StartNew();
                    using var response = await client.GetAsync(url);
                    await response.Content.LoadIntoBufferAsync();
                    watch.Stop();
                    response.EnsureSuccessStatusCode();
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
                times.Sort();
                Console.WriteLine($"| {name} | {total} | {Percentile(times, 0.50):0.0} | {Percentile(times, 0.95):0.0} | {times[^1]:0.0} |");
            }

            // The job page's reads of the long job: its first load (every request below but the incremental one) and,
            // after each epoch, the steps after those it holds (from= the last epoch's first step: one epoch's 200 steps).
            var page = new (string Name, string Path)[]
            {
                ("job", $"/api/jobs/{longJob}"),
                ("metrics (300 rows)", $"/api/jobs/{longJob}/metrics"),
                ("steps, whole (60,000 in 1,000 buckets)", $"/api/jobs/{longJob}/steps?maxPoints=1000"),
                ("steps, after an epoch (from=, 200 new)", $"/api/jobs/{longJob}/steps?from={(long)(LongEpochs - 1) * StepsPerEpoch}&maxPoints=1000"),
                ("attempts", $"/api/jobs/{longJob}/attempts"),
                ("checkpoints", $"/api/jobs/{longJob}/checkpoints"),
                ("evaluation (404 while it runs)", $"/api/jobs/{longJob}/evaluation"),
            };
            Console.WriteLine($"\nThe job page of the {LongEpochs}-epoch job (member's key), {requests} sequential requests each after 20 warm-up requests:\n");
            Console.WriteLine($"| request | p50 ms | p95 ms | max ms |");
            Console.WriteLine($"|---|---:|---:|---:|");
            using (var client = api.CreateDefaultClient())
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", member.Key.Secret);
                foreach (var (name, path) in page)
                {
                    var times = await TimeAsync(client, [path], requests);
                    Console.WriteLine($"| {name} | {Percentile(times, 0.50):0.0} | {Percentile(times, 0.95):0.0} | {times[^1]:0.0} |");
                }
                var load = await TimeAsync(client, [.. page.Where(p => !p.Name.StartsWith("steps, after", StringComparison.Ordinal)).Select(p => p.Path)], requests);
                Console.WriteLine($"| whole first load (the six reads in parallel, as JobPage does) | {Percentile(load, 0.50):0.0} | {Percentile(load, 0.95):0.0} | {load[^1]:0.0} |");
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (keep) Console.WriteLine($"kept the database {database}");
            else await Sql(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }

        static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

        // Each sample is all of `paths` at once, done when the last answers; 404 counts as an answer (the evaluation of a running job).
        static async Task<List<double>> TimeAsync(HttpClient client, string[] paths, int requests)
        {
            for (var i = 0; i < 20; i++) await Task.WhenAll(paths.Select(p => ReadAsync(client, p)));
            var times = new List<double>(requests);
            for (var i = 0; i < requests; i++)
            {
                var watch = Stopwatch.StartNew();
                await Task.WhenAll(paths.Select(p => ReadAsync(client, p)));
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            return times;
        }

        static async Task ReadAsync(HttpClient client, string path)
        {
            using var response = await client.GetAsync(path);
            await response.Content.LoadIntoBufferAsync();
            if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.NotFound) throw new HttpRequestException($"{path}: {(int)response.StatusCode}");
        }

        static async Task<int> TotalOfAsync(HttpClient client, string url)
        {
            using var response = await client.GetAsync(url);
            response.EnsureSuccessStatusCode();
            using var page = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return page.RootElement.GetProperty("totalCount").GetInt32();
        }

        static async Task<Guid> FirstSweepAsync(IDbContextFactory<TrainingDbContext> contexts)
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await db.Sweeps.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        }

        static async Task Sql(string connectionString, string sql)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
