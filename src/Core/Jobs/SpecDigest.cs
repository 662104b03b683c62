using System.Security.Cryptography;
using System.Text.Json;

namespace TrainingService.Core.Jobs;

/// <summary>
/// The spec's identity: SHA-256 (lowercase hex) of its JSON as the service stores and serves it, which is exactly
/// the bytes of a bundle's <c>spec.json</c>, so <c>sha256sum spec.json</c> gives the same hash.
/// </summary>
public static class SpecDigest
{
    public static byte[] Json(TrainingJobSpec spec) => JsonSerializer.SerializeToUtf8Bytes(spec, JobSpecJson.Options);

    public static string Of(TrainingJobSpec spec) => Convert.ToHexStringLower(SHA256.HashData(Json(spec)));
}
