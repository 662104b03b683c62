using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrainingService.Accounts;
using TrainingService.Core.Identity;
using TrainingService.Core.Persistence;

Command command;
try
{
    command = CommandLine.Parse(args);
}
catch (UsageException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__TrainingDb");
if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.Error.WriteLine("ConnectionStrings__TrainingDb is not set; ./run.sh accounts ... sets it to the service's database.");
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    var services = new ServiceCollection().AddTrainingPersistence(connectionString);
    await using var provider = services.BuildServiceProvider();
    await provider.MigrateTrainingDatabaseAsync(cancellation.Token);
    await new AccountCommands(provider.GetRequiredService<AccountStore>(), Console.Out).RunAsync(command, cancellation.Token);
    return 0;
}
catch (UsageException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}
catch (AccountsFailure exception)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}
catch (Exception exception) when (exception is NpgsqlException or ArgumentException or InvalidOperationException
    || exception.InnerException is NpgsqlException)
{
    // The connection string or the server is at fault, not the code: one line, no stack trace.
    Console.Error.WriteLine($"Cannot use the database ({exception.GetType().Name}): {exception.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 1;
}
