using TrainingService.Core.Models.Summary;
using TrainingService.Core.Checkpoints;
using TrainingService.Core.Models;
using TrainingService.Core.Tests.Checkpoints;

namespace TrainingService.Core.Tests.Models;

[Collection(ZooCollection.Name)]
public sealed class ZooStateDictTests
{
    [Theory]
    [MemberData(nameof(ExpectedStateDicts.Names), MemberType = typeof(ExpectedStateDicts))]
    public void Listed_networks_save_exactly_the_reference_keys_and_shapes_in_PyTorch_order(string name)
    {
        using var model = ZooModels.BuildDefault(name);

        var saved = StateDictConversion.FromModule(model);

        var expected = ExpectedStateDicts.For(name);
        Assert.Equal(expected.Select(entry => entry.Key), saved.Select(tensor => tensor.Key));
        Assert.All(expected.Zip(saved), pair => Assert.Equal(pair.First.Shape, pair.Second.Shape));
        Assert.All(saved.Where(tensor => tensor.Key.EndsWith(".num_batches_tracked", StringComparison.Ordinal)),
            counter => Assert.Equal(StateTensorType.Int64, counter.Type));
    }

    [Theory]
    [InlineData("vgg16", "features.0.weight", new long[] { 64, 3, 3, 3 })]
    [InlineData("vgg16", "features.28.bias", new long[] { 512 })]
    [InlineData("vgg16", "classifier.6.weight", new long[] { 1000, 4096 })]
    [InlineData("vgg16-bn", "features.0.weight", new long[] { 64, 3, 3, 3 })]
    [InlineData("vgg16-bn", "features.1.running_mean", new long[] { 64 })]
    [InlineData("vgg16-bn", "features.1.num_batches_tracked", new long[0])]
    [InlineData("vgg16-bn", "features.41.running_var", new long[] { 512 })]
    [InlineData("vgg11", "features.18.weight", new long[] { 512, 512, 3, 3 })]
    [InlineData("vgg19-bn", "features.49.weight", new long[] { 512, 512, 3, 3 })]
    [InlineData("vgg19-bn", "classifier.3.weight", new long[] { 4096, 4096 })]
    [InlineData("resnet18", "layer4.1.bn2.num_batches_tracked", new long[0])]
    [InlineData("resnet18", "layer2.0.downsample.0.weight", new long[] { 128, 64, 1, 1 })]
    [InlineData("googlenet", "conv1.conv.weight", new long[] { 64, 3, 7, 7 })]
    [InlineData("googlenet", "inception3a.branch3.1.conv.weight", new long[] { 32, 16, 3, 3 })]
    [InlineData("googlenet", "inception4e.branch4.1.conv.weight", new long[] { 128, 528, 1, 1 })]
    [InlineData("googlenet", "inception5b.branch1.bn.running_var", new long[] { 384 })]
    [InlineData("googlenet", "fc.weight", new long[] { 1000, 1024 })]
    public void Large_networks_carry_the_reference_keys(string name, string key, long[] shape)
    {
        using var model = ZooModels.BuildDefault(name);

        var stateDict = model.state_dict();

        Assert.True(stateDict.ContainsKey(key), $"{name} has no '{key}'.");
        Assert.Equal(shape, stateDict[key].shape);
    }

    [Theory]
    [MemberData(nameof(ZooModels.AllNames), MemberType = typeof(ZooModels))]
    public void Every_network_written_to_pth_reads_back_with_the_same_keys_and_tensors(string name)
    {
        using var model = ZooModels.BuildDefault(name);
        var written = StateDictConversion.FromModule(model);

        var read = PthBytes.Read(PthBytes.Write(written));

        Assert.Equal(written.Select(tensor => tensor.Key), read.Select(tensor => tensor.Key));
        var described = StateDictLayout.Keys(ZooModels.Definition(name).Describe(ZooModels.Definition(name).DefaultOptions));
        Assert.Equal(described.Select(e => $"{e.Key} {string.Join('x', e.Shape)}"), written.Select(t => $"{t.Key} {string.Join('x', t.Shape)}"));
        Assert.All(written.Zip(read), pair =>
        {
            Assert.Equal(pair.First.Type, pair.Second.Type);
            Assert.Equal(pair.First.Shape, pair.Second.Shape);
            Assert.True(pair.First.Data.AsSpan().SequenceEqual(pair.Second.Data), $"{pair.First.Key} changed on the way.");
        });
    }

    [Fact]
    public void Only_the_VGGs_and_GoogLeNet_lack_a_full_table()
    {
        var unlisted = ModelRegistry.CreateDefault().Names.Except(ExpectedStateDicts.Listed());

        Assert.All(unlisted, name => Assert.True(name.StartsWith("vgg", StringComparison.Ordinal) || name == "googlenet", name));
    }
}
