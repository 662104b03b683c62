namespace TrainingService.Web.Clients.Hub;

internal static partial class HubLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to the training hub at {Url}")]
    public static partial void Connected(ILogger logger, Uri url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training hub at {Url} unreachable ({Reason}), attempt {Attempt}; retrying in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, Uri url, string reason, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The training hub at {Url} refused this session's key (401); not retrying until the user signs in again")]
    public static partial void KeyRejected(ILogger logger, Uri url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the training hub connection; reconnecting")]
    public static partial void Reconnecting(ILogger logger, Exception? exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnected to the training hub; re-joining groups")]
    public static partial void Reconnected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub call {Method} failed; it is repeated on the next reconnect")]
    public static partial void InvokeFailed(ILogger logger, Exception exception, string method);

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber to {Event} threw")]
    public static partial void SubscriberFailed(ILogger logger, Exception exception, string @event);
}
