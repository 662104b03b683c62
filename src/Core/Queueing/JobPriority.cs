namespace TrainingService.Core.Queueing;

/// <summary>
/// <c>hyperparameters.priority</c>. The numeric order is the fetch order: <see cref="TrainingQueues"/> names
/// each priority's queues so that they sort in this order, because that is the order Hangfire.PostgreSql fetches in.
/// </summary>
public enum JobPriority
{
    High = 1,
    Normal = 2,
    Low = 3,
}
