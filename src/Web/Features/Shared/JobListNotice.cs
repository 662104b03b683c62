namespace TrainingService.Web.Features.Shared;

/// <summary>
/// A message for the jobs list to show once, left by a page that sends the person there ("Deleted job …").
/// Scoped to the circuit, so it travels with the navigation and with nobody else's.
/// </summary>
public sealed class JobListNotice
{
    private string? message;

    public void Leave(string text) => message = text;

    /// <returns>The message left, once; <see langword="null"/> after that.</returns>
    public string? Take()
    {
        var text = message;
        message = null;
        return text;
    }

    public static string Deleted(Clients.Api.JobDto job) =>
        $"Deleted job “{job.Name}” and its checkpoints ({Display.Bytes(job.CheckpointBytes)}).";
}
