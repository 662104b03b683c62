// A worker process trains one job at a time (WorkerOptions.ConcurrentJobs = 1): libtorch's seed and CPU
// generator are process-wide, so two jobs training at once in one process draw each other's random numbers
// and neither repeats exactly. The tests train as a worker does, one job at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
