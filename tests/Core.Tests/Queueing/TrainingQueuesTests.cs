using TrainingService.Core.Jobs;
using TrainingService.Core.Queueing;

namespace TrainingService.Core.Tests.Queueing;

public sealed class TrainingQueuesTests
{
    private static Hyperparameters Job(string device = "auto", string priority = "normal") =>
        new(1, 64, 0.05, "sgd", 0.9, 0, 7) { Device = device, Priority = priority };

    private static FleetSnapshot Fleet(params OnlineWorker[] workers) => new(workers, 0);

    [Fact]
    public void Every_queue_name_is_a_valid_hangfire_queue_name_and_unique()
    {
        Assert.All(TrainingQueues.All, q => Assert.Matches("^[a-z0-9_]+$", q));
        Assert.Equal(TrainingQueues.All.Count, TrainingQueues.All.Distinct().Count());
        Assert.Equal(9, TrainingQueues.All.Count);
    }

    [Theory]
    [InlineData(DeviceClass.Cpu, "cpu")]
    [InlineData(DeviceClass.Cuda, "cuda")]
    public void A_worker_listens_on_its_own_and_the_auto_queues_and_their_names_sort_high_before_normal_before_low(DeviceClass device, string own)
    {
        var queues = TrainingQueues.ListenedBy(device);

        // Hangfire.PostgreSql fetches ORDER BY queue: the ordinal order of the names is the fetch order.
        Assert.Equal(queues.Order(StringComparer.Ordinal), queues);
        Assert.Equal([$"p1_high_auto", $"p1_high_{own}", "p2_normal_auto", $"p2_normal_{own}", "p3_low_auto", $"p3_low_{own}"], queues);
        Assert.Equal(device, TrainingQueues.ClassOf(queues));
    }

    [Fact]
    public void A_server_on_no_training_queue_has_no_device_class()
    {
        Assert.Null(TrainingQueues.ClassOf(["default", "training"]));
    }

    [Fact]
    public void A_cuda_job_goes_to_a_cuda_queue_and_says_why_it_waits_when_only_cpu_workers_are_online()
    {
        var route = JobRouting.Route(Job("cuda", "high"), Fleet(new OnlineWorker("cpu-1", DeviceClass.Cpu, 1, 0)), freeGpuSlots: 0);

        Assert.Equal("p1_high_cuda", route.Queue);
        Assert.Equal("no CUDA worker online; the job waits until one starts", route.WaitingReason);
    }

    [Fact]
    public void A_cpu_job_goes_to_a_cpu_queue_even_when_a_gpu_is_free()
    {
        var route = JobRouting.Route(Job("cpu", "low"),
            Fleet(new OnlineWorker("cpu-1", DeviceClass.Cpu, 1, 1), new OnlineWorker("gpu-1", DeviceClass.Cuda, 1, 0)), freeGpuSlots: 1);

        Assert.Equal("p3_low_cpu", route.Queue);
        Assert.Null(route.WaitingReason);
    }

    [Fact]
    public void An_auto_job_takes_a_free_gpu_and_otherwise_the_auto_queue_any_worker_fetches()
    {
        var fleet = Fleet(new OnlineWorker("cpu-1", DeviceClass.Cpu, 1, 0), new OnlineWorker("gpu-1", DeviceClass.Cuda, 1, 0));

        Assert.Equal("p2_normal_cuda", JobRouting.Route(Job(), fleet, freeGpuSlots: 1).Queue);
        Assert.Equal("p2_normal_auto", JobRouting.Route(Job(), fleet, freeGpuSlots: 0).Queue);
        Assert.Equal(WaitingReasons.NoWorker, JobRouting.Route(Job(), FleetSnapshot.Empty, freeGpuSlots: 0).WaitingReason);
    }

    [Fact]
    public void Free_gpu_slots_count_idle_gpu_workers_less_the_jobs_already_waiting_for_them()
    {
        var fleet = new FleetSnapshot([new OnlineWorker("gpu-1", DeviceClass.Cuda, 1, 0), new OnlineWorker("gpu-2", DeviceClass.Cuda, 1, 1),
            new OnlineWorker("gpu-3", DeviceClass.Cuda, 1, 0), new OnlineWorker("cpu-1", DeviceClass.Cpu, 1, 0)], JobsWaitingForGpus: 1);

        Assert.Equal(1, fleet.FreeGpuSlots);
    }

    [Theory]
    [InlineData("auto", 0, DeviceClass.Cpu, 0)]
    [InlineData("auto", 2, DeviceClass.Cuda, 0)]
    [InlineData("cpu", 2, DeviceClass.Cpu, 0)]
    [InlineData("cuda", 1, DeviceClass.Cuda, 0)]
    [InlineData("cuda:1", 2, DeviceClass.Cuda, 1)]
    public void A_worker_resolves_its_device_at_start_up(string configured, int cudaDevices, DeviceClass expected, int index)
    {
        Assert.Equal(new WorkerDevice(expected, index), WorkerDevice.Resolve(configured, cudaDevices));
    }

    [Theory]
    [InlineData("cuda", 0)]
    [InlineData("cuda:2", 2)]
    [InlineData("tpu", 1)]
    public void A_worker_set_to_a_device_it_does_not_have_refuses_to_start(string configured, int cudaDevices)
    {
        Assert.ThrowsAny<Exception>(() => WorkerDevice.Resolve(configured, cudaDevices));
    }
}
