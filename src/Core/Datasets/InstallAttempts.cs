using Microsoft.Extensions.Logging;

namespace TrainingService.Core.Datasets;

/// <summary>
/// Runs the ways of obtaining one dataset file in turn and remembers why each failed, so the final
/// error can list every mirror with its reason instead of only the last one.
/// </summary>
internal sealed partial class InstallAttempts(ILogger logger, CancellationToken ct)
{
    private readonly List<string> failures = [];

    public IReadOnlyList<string> Failures => failures;

    /// <param name="install">Returns null once the file is installed, otherwise why this source failed.</param>
    public async Task<bool> TryAsync(string source, Func<Task<string?>> install)
    {
        string? failure;
        try
        {
            failure = await install();
        }
        catch (Exception e) when (e is HttpRequestException or InvalidDataException or IOException
                                      or UnauthorizedAccessException
                                  || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // Only a cancellation the caller asked for stops the search; a timeout just fails this mirror.
            failure = e.Message;
        }

        if (failure is null)
        {
            LogInstalled(source);
            return true;
        }

        failures.Add($"{source}: {failure}");
        LogSourceFailed(source, failure);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Installed a verified dataset file from {Source}")]
    private partial void LogInstalled(string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not install a dataset file from {Source}: {Failure}")]
    private partial void LogSourceFailed(string source, string failure);
}
