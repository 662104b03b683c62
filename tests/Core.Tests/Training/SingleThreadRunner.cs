using System.Collections.Concurrent;

namespace TrainingService.Core.Tests.Training;

/// <summary>
/// Runs an async body and every continuation of it on one dedicated thread, as a UI thread would. TorchSharp's
/// dispose-scope statistics are per thread, so counting a run's live tensors needs the whole run on one.
/// </summary>
internal sealed class SingleThreadRunner : SynchronizationContext
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];

    public static T Run<T>(Func<Task<T>> body)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            var context = new SingleThreadRunner();
            SetSynchronizationContext(context);
            var task = body();
            task.ContinueWith(_ => context._queue.CompleteAdding(), TaskScheduler.Default);
            foreach (var (callback, state) in context._queue.GetConsumingEnumerable())
            {
                callback(state);
            }
            try
            {
                result = task.GetAwaiter().GetResult();
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        });
        thread.Start();
        thread.Join();
        return failure is null ? result : throw new AggregateException(failure);
    }

    public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("The runner only posts.");

    public override SynchronizationContext CreateCopy() => this;
}
