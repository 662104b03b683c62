using System.Runtime;

namespace TrainingService.Worker.Jobs;

/// <summary>
/// Hands a finished run's memory back before the worker's next job. A run leaves large garbage: the dataset's decoded
/// pixel arrays on the large-object heap (47 MB for MNIST's training split) and any tensor wrapper only a finalizer
/// frees, whose native memory .NET does not see. In an otherwise quiet worker process nothing triggers the full
/// collection that would free them, so without this the next job's load comes on top and the peak grows per job.
/// </summary>
public static class RunMemory
{
    public static void Release()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        // Finalized tensors free their native memory here; a second pass collects the wrappers themselves.
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
