using TorchSharp;
using TrainingService.Core.Training.Failures;

namespace TrainingService.Core.Tests.Training.Failures;

public sealed class TrainingFailureMessageTests
{
    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception)
        {
            return exception;
        }
        throw new InvalidOperationException("The libtorch call was expected to fail.");
    }

    private static Exception AbsurdAllocation() => Thrown(() =>
    {
        using var tensor = torch.empty(1_000_000_000_000L, 1000);
    });

    private static Exception ShapeMismatch() => Thrown(() =>
    {
        using var a = torch.ones(2, 3);
        using var b = torch.ones(4, 5);
        using var sum = a.add(b);
    });

    [Fact]
    public void A_real_libtorch_allocation_failure_says_how_much_could_not_be_allocated_and_what_to_reduce()
    {
        var exception = AbsurdAllocation();

        Assert.Contains("frame #", exception.Message, StringComparison.Ordinal);
        Assert.Equal("Training ran out of memory (libtorch could not allocate 4000.0 TB). Reduce hyperparameters.batchSize or the model size.",
            TrainingFailureMessage.Describe(exception));
    }

    [Fact]
    public void A_real_libtorch_shape_error_keeps_libtorchs_first_line_without_frames_or_server_paths()
    {
        var exception = ShapeMismatch();
        Assert.Contains("Exception raised from", exception.Message, StringComparison.Ordinal);

        var message = TrainingFailureMessage.Describe(exception);

        Assert.StartsWith("Training failed inside libtorch: The size of tensor a (3) must match the size of tensor b (5) at non-singleton dimension 1.",
            message, StringComparison.Ordinal);
        Assert.Contains("hyperparameters.batchSize", message, StringComparison.Ordinal);
        Assert.DoesNotContain("frame #", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception raised from", message, StringComparison.Ordinal);
        Assert.DoesNotContain("/", message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_libtorch_failure_wrapped_by_the_training_loop_is_still_found_and_described()
    {
        var wrapped = new AggregateException(new InvalidOperationException("epoch 3 failed", AbsurdAllocation()));

        Assert.StartsWith("Training ran out of memory (libtorch could not allocate", TrainingFailureMessage.Describe(wrapped), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cuda_out_of_memory_message_in_libtorchs_form_names_gpu_memory_and_the_size_asked_for()
    {
        // The CPU build cannot raise CUDA's allocator error, so its message (torch 2.x wording) is given as libtorch writes it.
        var exception = new System.Runtime.InteropServices.ExternalException(
            "CUDA out of memory. Tried to allocate 11.46 GiB. GPU 0 has a total capacity of 79.15 GiB of which 3.25 GiB is free.\n"
            + "Exception raised from malloc at /pytorch/c10/cuda/CUDACachingAllocator.cpp:1158 (most recent call first):\nframe #0: ...");

        Assert.Equal("Training ran out of GPU memory (libtorch could not allocate 12.3 GB). Reduce hyperparameters.batchSize or the model size.",
            TrainingFailureMessage.Describe(exception));
    }

    [Fact]
    public void A_failure_of_the_service_itself_keeps_its_own_message_as_one_paragraph()
    {
        var exception = new InvalidDataException("The dataset's labels file is truncated.\nDownload it again.");

        Assert.Equal("The dataset's labels file is truncated. Download it again.", TrainingFailureMessage.Describe(exception));
    }
}
