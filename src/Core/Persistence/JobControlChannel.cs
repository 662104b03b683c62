using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingService.Core.Jobs;

namespace TrainingService.Core.Persistence;

/// <summary>
/// The NOTIFY channel that pushes a user's stop request to the worker running the job, so it takes
/// effect at the next batch boundary rather than at the next heartbeat (which still reads the request
/// from the job row, in case a notification was missed).
/// </summary>
public static class JobControlChannel
{
    public const string Name = "job_control";

    public sealed record Message(Guid JobId, StopRequest Request);

    public static Task NotifyAsync(this TrainingDbContext db, Message message, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(message, JobSpecJson.Options);
        return db.Database.ExecuteSqlAsync($"SELECT pg_notify({Name}, {payload})", cancellationToken);
    }

    public static Message? Parse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<Message>(payload, JobSpecJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
