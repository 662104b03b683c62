namespace TrainingService.Web.Clients.Api;

/// <summary>
/// The Api answered 401: the key this session signed in with was revoked (or the session has none). Retrying cannot
/// help, so pages stop retrying and offer to sign in again.
/// </summary>
public sealed class ApiKeyRejectedException : TrainingApiException
{
    public const string DefaultMessage = "The training Api no longer accepts the key this session signed in with (it was revoked or deleted).";

    public ApiKeyRejectedException()
        : base(DefaultMessage)
    {
    }

    public ApiKeyRejectedException(string message)
        : base(message)
    {
    }

    public ApiKeyRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
