namespace TrainingService.Core.Sweeps;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): a 64-bit seed, a few integer operations per draw, and the same sequence on
/// every machine and runtime, which <see cref="System.Random"/> promises only for its legacy seeded algorithm.
/// </summary>
public sealed class SeededRandom(long seed)
{
    private ulong _state = unchecked((ulong)seed);

    public ulong NextUInt64()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Uniform in [0, 1): the top 53 bits, so every value is an exact double.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
}
