using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TrainingService.Core.Models.Architecture;

namespace TrainingService.Core.Jobs;

/// <summary>
/// How a <see cref="JobResolution"/> is stored: the spec's JSON conventions, plus the module
/// descriptions as a tagged union (<c>"$type": "conv2d"</c>), since a network is a tree of them.
/// </summary>
public static class JobResolutionJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JobSpecJson.Configure(options);
        options.IncludeFields = true;
        // jsonb stores keys in its own order, so "$type" need not come first when the row is read back.
        options.AllowOutOfOrderMetadataProperties = true;
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DescribeModules } };
        options.MakeReadOnly();
        return options;
    }

    private static readonly (Type Type, string Tag)[] ModuleTypes =
    [
        (typeof(ActivationSpec), "activation"), (typeof(AdaptiveAvgPool2dSpec), "adaptiveAvgPool2d"),
        (typeof(AvgPool2dSpec), "avgPool2d"), (typeof(BasicBlockSpec), "basicBlock"), (typeof(BasicConv2dSpec), "basicConv2d"),
        (typeof(BatchNorm2dSpec), "batchNorm2d"), (typeof(ChainSpec), "chain"), (typeof(Conv2dSpec), "conv2d"),
        (typeof(DropoutSpec), "dropout"), (typeof(FlattenSpec), "flatten"), (typeof(GoogLeNetInceptionSpec), "googLeNetInception"),
        (typeof(InceptionASpec), "inceptionA"), (typeof(LinearSpec), "linear"), (typeof(MaxPool2dSpec), "maxPool2d"),
        (typeof(NamedSequentialSpec), "namedSequential"), (typeof(SequentialSpec), "sequential"),
    ];

    private static void DescribeModules(JsonTypeInfo info)
    {
        if (info.Type == typeof(ModuleSpec))
        {
            info.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "$type" };
            foreach (var (type, tag) in ModuleTypes)
            {
                info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, tag));
            }
        }
        if (info.Kind == JsonTypeInfoKind.Object && typeof(ModuleSpec).IsAssignableFrom(info.Type))
        {
            // Derived from the module's kind, never stored.
            foreach (var property in info.Properties.Where(p => p.Name == "typeName").ToList())
            {
                info.Properties.Remove(property);
            }
        }
    }
}
