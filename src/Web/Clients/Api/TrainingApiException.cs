namespace TrainingService.Web.Clients.Api;

/// <summary>The Api could not be reached or answered with something unusable; pages show it and retry.</summary>
public class TrainingApiException : Exception
{
    public TrainingApiException()
    {
    }

    public TrainingApiException(string message)
        : base(message)
    {
    }

    public TrainingApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
