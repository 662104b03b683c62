using TrainingService.Core.Identity;

namespace TrainingService.Core.Tests.Identity;

public sealed class ApiKeySecretTests
{
    [Fact]
    public void Generated_keys_are_well_formed_distinct_and_carry_the_marker()
    {
        var keys = Enumerable.Range(0, 200).Select(_ => ApiKeySecret.Generate()).ToList();

        Assert.All(keys, key =>
        {
            Assert.True(ApiKeySecret.IsWellFormed(key), key);
            Assert.StartsWith(ApiKeySecret.Marker, key, StringComparison.Ordinal);
            Assert.Equal(ApiKeySecret.Length, key.Length);
        });
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("tsk_")]
    [InlineData("Bearer tsk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("tsk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("tsk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("tsx_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("tsk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("tsk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\0")]
    [InlineData("tsk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAé")]
    public void A_malformed_key_is_refused_before_any_lookup(string? key) => Assert.False(ApiKeySecret.IsWellFormed(key));

    [Fact]
    public void The_stored_hash_is_hex_SHA256_and_the_prefix_is_the_first_characters()
    {
        var key = ApiKeySecret.Generate();

        var hash = ApiKeySecret.Hash(key);

        Assert.Equal(64, hash.Length);
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, ApiKeySecret.Hash(key));
        Assert.DoesNotContain(key[ApiKeySecret.Marker.Length..], hash, StringComparison.Ordinal);
        Assert.Equal(key[..ApiKeySecret.PrefixLength], ApiKeySecret.PrefixOf(key));
    }
}
