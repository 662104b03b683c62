using TrainingService.Api.Tests.Owners;

namespace TrainingService.Api.Tests.Accounts;

/// <summary>The owners' Api on Kestrel with a connection lifetime of two seconds, so a test can wait one out.</summary>
public sealed class ShortConnectionLifetimeFixture()
    : OwnersFixture(new Dictionary<string, string> { ["ApiKeyAuthentication:ConnectionLifetime"] = "00:00:02" }, kestrel: true);
