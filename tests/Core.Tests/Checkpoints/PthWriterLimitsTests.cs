using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>The writer produces plain zip only; archives that would need zip64 are refused up front.</summary>
public class PthWriterLimitsTests
{
    [Fact]
    public void An_archive_that_would_need_zip64_is_refused_before_any_byte_is_written()
    {
        var tensors = Enumerable.Range(0, ushort.MaxValue).Select(i => new StateTensor($"t{i}", StateTensorType.UInt8, [0], [])).ToList();
        using var destination = new MemoryStream();

        var error = Assert.Throws<NotSupportedException>(() => new PthWriter().Write(destination, tensors));

        Assert.Contains("zip64", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, destination.Length);
    }
}
