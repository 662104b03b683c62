using System.Diagnostics;
using TrainingService.Tests.Shared;

namespace TrainingService.EndToEnd.Tests.Accounts;

/// <summary>The built accounts command (tools/Accounts) run as a process against a database, as run.sh runs it.</summary>
public static class AccountsCommand
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
    }

    public static string Dll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            return Path.Combine(RepositoryPaths.Root, "tools", "Accounts", "bin", configuration, "net10.0", "TrainingService.Accounts.dll");
        }
    }

    public static async Task<Result> RunAsync(string connectionString, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["ConnectionStrings__TrainingDb"] = connectionString;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The accounts command did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>The secret the command printed; fails when there is none or more than one.</summary>
    public static string PrintedKey(Result result)
    {
        var keys = ApiKeys.Find(result.Output).Distinct().ToList();
        Assert.True(keys.Count == 1, $"Expected one key in the output:\n{result}");
        return keys[0];
    }
}
