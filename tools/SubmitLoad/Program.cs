using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrainingService.Core.Identity;
using TrainingService.Core.Persistence;

namespace TrainingService.SubmitLoad;

internal static class LoadCommand
{
    // Usage: dotnet run -c Release --project tools/SubmitLoad -- [--postgres "<server>"] [--rate 100] [--seconds 30] [--warm-up 1500] [--datasets .data/datasets]
    // Creates a fresh database on that server (TEST_POSTGRES by default), starts the real Api on it, warms it up with a few
    // submissions, sends rate x seconds submissions open-loop, checks every accepted job is stored and enqueued in Hangfire,
    // prints p50/p95/p99/max and drops the database. Exit code 1 when any submission failed or any job is missing.
    public static async Task<int> Main(string[] args)
    {
        var arguments = args.ToList();
        string? Option(string name) => arguments.SkipWhile(v => v != name).Skip(1).FirstOrDefault();
        var server = Option("--postgres") ?? Environment.GetEnvironmentVariable("TEST_POSTGRES")
            ?? throw new InvalidOperationException("Pass --postgres \"Host=...;Username=...\" (a server the tool may create a database on) or set TEST_POSTGRES.");
        var rate = double.Parse(Option("--rate") ?? "100", CultureInfo.InvariantCulture);
        var seconds = double.Parse(Option("--seconds") ?? "30", CultureInfo.InvariantCulture);
        var datasets = Path.GetFullPath(Option("--datasets") ?? Environment.GetEnvironmentVariable("TEST_MNIST_ROOT") ?? ".data/datasets");
        var count = (int)Math.Round(rate * seconds);
        // A server that just started still compiles its hot paths (tiered JIT) under load; the warm-up is there so the
        // timed run measures a running service. --warm-up 50 is the short, cold version.
        var warmUp = int.Parse(Option("--warm-up") ?? "1500", CultureInfo.InvariantCulture);
        const int Sequential = 50;

        var database = $"submit_load_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        await Sql.ExecuteAsync(admin, $"CREATE DATABASE \"{database}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var failed = false;
        try
        {
            IDbContextFactory<TrainingDbContext> contexts = new Contexts(connectionString);
            await using (var db = await contexts.CreateDbContextAsync()) await db.Database.MigrateAsync();
            var user = await new AccountStore(contexts, TimeProvider.System).CreateUserAsync("load", UserRole.Member, "load", CancellationToken.None);
            await using var api = new LoadApi(connectionString, datasets, warmUp + Sequential + count);
            api.StartServer();
            using var client = api.CreateDefaultClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Key.Secret);
            const string Body = """
                {"name": "load", "model": {"name": "lenet5", "numClasses": 10}, "dataset": {"name": "mnist", "validationFraction": 0.1},
                 "hyperparameters": {"epochs": 1, "batchSize": 64, "learningRate": 0.05, "optimizer": "sgd", "momentum": 0.9, "seed": 42}}
                """;

            var warm = await OpenLoop.RunAsync(client, Body, rate: Math.Min(rate, 50), warmUp);
            if (warm.Any(s => !s.Created)) throw new InvalidOperationException($"Warm-up submissions failed: {string.Join(", ", warm.Select(s => (int)s.Status).Distinct())}");
            // Where the time goes, one request at a time and interleaved: checking a spec alone (the Api's validation, the
        // network's shape check, the dataset check) against the whole submission (the same, then store and enqueue).
        var (validate, submit) = (new List<double>(), new List<double>());
        for (var i = 0; i < Sequential; i++)
        {
            validate.Add(await OpenLoop.TimeOneAsync(client, "/api/jobs/validate", Body));
            submit.Add(await OpenLoop.TimeOneAsync(client, "/api/jobs", Body));
        }
        validate.Sort();
        submit.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"One at a time, {Sequential} each, interleaved: POST /api/jobs/validate p50 {Percentile(validate, 0.5):0.0} ms p95 {Percentile(validate, 0.95):0.0} ms; POST /api/jobs p50 {Percentile(submit, 0.5):0.0} ms p95 {Percentile(submit, 0.95):0.0} ms"));
        Console.WriteLine($"POST /api/jobs, open loop at {rate:0} per second for {seconds:0} s ({count} submissions, one key), after {warmUp} warm-up submissions:");
            var results = await OpenLoop.RunAsync(client, Body, rate, count);

            var created = results.Count(s => s.Created);
            var times = results.Select(s => s.Milliseconds).Order().ToList();
            // Submissions answer once stored; their Hangfire jobs follow off the request's path, so wait for the last of them.
            var expected = warmUp + Sequential + count;
            var drain = System.Diagnostics.Stopwatch.StartNew();
            var (stored, enqueued) = await Sql.StoredAndEnqueuedAsync(connectionString);
            while (enqueued < expected && drain.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100);
                (stored, enqueued) = await Sql.StoredAndEnqueuedAsync(connectionString);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Every stored job had its Hangfire job {drain.Elapsed.TotalMilliseconds:0} ms after the last answer."));
            Console.WriteLine($"| submissions | 201 | other | p50 ms | p95 ms | p99 ms | max ms | stored | enqueued in Hangfire |");
            Console.WriteLine($"|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {count} | {created} | {count - created} | {Percentile(times, 0.50):0.0} | {Percentile(times, 0.95):0.0} | {Percentile(times, 0.99):0.0} | {times[^1]:0.0} | {stored - warmUp - Sequential} | {enqueued - warmUp - Sequential} |"));
            foreach (var status in results.Where(s => !s.Created).GroupBy(s => s.Status)) Console.WriteLine($"  {(int)status.Key}: {status.Count()}");
            failed = created != count || stored != warmUp + Sequential + count || enqueued != warmUp + Sequential + count;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Sql.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
        return failed ? 1 : 0;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
