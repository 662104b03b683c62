using System.Net;

namespace TrainingService.Web.Clients.Api;

/// <summary>
/// The Api understood a command and refused it (a 4xx with problem details): the message is its reason, for the person
/// who asked, and <see cref="Errors"/> keeps a validation problem's reasons by field so a form can show each beside it.
/// </summary>
public sealed class ApiRefusedException : TrainingApiException
{
    public ApiRefusedException()
    {
    }

    public ApiRefusedException(string message)
        : base(message)
    {
    }

    public ApiRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ApiRefusedException(HttpStatusCode status, string message, IReadOnlyDictionary<string, string[]>? errors)
        : base(message)
    {
        Status = status;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public HttpStatusCode Status { get; }

    /// <summary>The reasons by the field's dotted path (<c>tags[2]</c>, <c>note</c>); empty when the refusal names no field.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = new Dictionary<string, string[]>();

    /// <summary>The reasons given for <paramref name="field"/> and anything inside it (<c>tags</c> takes <c>tags[0]</c> too).</summary>
    public IReadOnlyList<string> ErrorsFor(string field) =>
    [
        .. Errors
            .Where(e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase)
                        || e.Key.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase)
                        || e.Key.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => e.Value),
    ];
}
