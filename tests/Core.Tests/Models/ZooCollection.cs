namespace TrainingService.Core.Tests.Models;

/// <summary>
/// The zoo tests build networks of up to 144M parameters; running them one at a time, apart from the other tests,
/// keeps a 2-core machine's memory and threads for one network at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ZooCollection
{
    public const string Name = "Model zoo";
}
