namespace TrainingService.Api.Tests.Owners;

/// <summary>The owners' Api on real Kestrel, so that hub connections negotiate and upgrade as a browser's would.</summary>
public sealed class HubFixture() : OwnersFixture(new Dictionary<string, string>(), kestrel: true);
