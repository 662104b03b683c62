namespace TrainingService.Core.Models;

/// <summary>The shape of one image a network takes: channels x height x width.</summary>
public sealed record InputShape(int Channels, int Height, int Width)
{
    public override string ToString() => $"{Channels}x{Height}x{Width}";
}
