using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrainingService.Contracts.Jobs;
using TrainingService.Core.Persistence;
using TrainingService.JobListBenchmark;

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
            var contexts = new Contexts(connectionString);
            Console.WriteLine($"Seeding {jobCount} jobs into {database}...");
            var seeding = Stopwatch.StartNew();
            var (adminUser, member) = await Seeder.SeedAsync(contexts, jobCount, Console.Out);
            Console.WriteLine($"  seeded in {seeding.Elapsed.TotalSeconds:0.0} s");
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
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (keep) Console.WriteLine($"kept the database {database}");
            else await Sql(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }

        static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

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

internal sealed class Contexts(string connectionString) : IDbContextFactory<TrainingDbContext>
{
    public TrainingDbContext CreateDbContext() => new(new DbContextOptionsBuilder<TrainingDbContext>().UseNpgsql(connectionString).Options);
}
