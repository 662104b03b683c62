using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>Trees the writer cannot pickle faithfully are refused with the path of the offending value, before any byte is written.</summary>
public class TorchObjectWriterRefusalTests
{
    [Fact]
    public void A_list_item_python_has_no_kind_for_is_refused_naming_its_path()
    {
        var checkpoint = new TorchDict { ["params"] = new List<object?> { 0L, 1 } };

        var (error, written) = Refuse(checkpoint);

        Assert.Contains("checkpoint['params'][1] is a Int32", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, written);
    }

    [Fact]
    public void A_list_that_contains_itself_is_refused_instead_of_recursing_forever()
    {
        var loop = new List<object?>();
        loop.Add(new TorchDict { ["again"] = loop });

        var (error, written) = Refuse(loop);

        Assert.Contains("checkpoint[0]['again'] contains itself", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, written);
    }

    [Fact]
    public void Containers_nested_more_than_256_levels_deep_are_refused()
    {
        object? value = 1L;
        for (var level = 0; level < 257; level++)
        {
            value = new List<object?> { value };
        }

        var (error, _) = Refuse(value);

        Assert.Contains("more than 256 levels deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_with_a_lone_surrogate_is_refused_rather_than_silently_changed()
    {
        var (error, _) = Refuse(new TorchDict { ["key"] = "broken \ud800 text" });

        Assert.Contains("lone surrogate", error.Message, StringComparison.Ordinal);
    }

    private static (ArgumentException Error, long Written) Refuse(object? root)
    {
        using var destination = new MemoryStream();
        var error = Assert.ThrowsAny<ArgumentException>(() => new TorchObjectWriter().Write(destination, root));
        return (error, destination.Length);
    }
}
