namespace TrainingService.Web.Clients.Api;

/// <summary>
/// The Api refused a submission with <c>400</c> problem details: <see cref="Errors"/> holds its reasons by field
/// (dotted paths such as <c>parameters.hyperparameters.learningRate.min</c>), so a form can show each next to its field.
/// </summary>
public sealed class ApiValidationException : TrainingApiException
{
    public ApiValidationException()
        : this("The Api refused the submission.", new Dictionary<string, string[]>())
    {
    }

    public ApiValidationException(string message)
        : this(message, new Dictionary<string, string[]>())
    {
    }

    public ApiValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<string, string[]>();
    }

    public ApiValidationException(string message, IReadOnlyDictionary<string, string[]> errors)
        : base(message)
    {
        Errors = errors;
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
