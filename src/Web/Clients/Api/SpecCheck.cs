namespace TrainingService.Web.Clients.Api;

/// <summary>
/// The Api's answer to a job specification: <see cref="Value"/> when it took it, else the problems of its 400, keyed by
/// field as the Api names them (<c>hyperparameters.learningRate</c>, <c>model.custom[2].out</c>, <c>$</c>).
/// </summary>
public sealed record SpecCheck<T>(T? Value, IReadOnlyDictionary<string, string[]> Errors)
    where T : class
{
    public static SpecCheck<T> Refused(IReadOnlyDictionary<string, string[]> errors) => new(null, errors);

    public static SpecCheck<T> Accepted(T value) => new(value, new Dictionary<string, string[]>());
}
