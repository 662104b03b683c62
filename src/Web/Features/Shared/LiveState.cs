namespace TrainingService.Web.Features.Shared;

/// <summary>What the live indicator can truthfully claim, from the hub connection and the Api's readiness.</summary>
public enum LiveState
{
    /// <summary>No readiness answer yet: the first poll or the first hub connect is still under way.</summary>
    Connecting,

    /// <summary>Hub connected and the Api ready: updates arrive and jobs run.</summary>
    Live,

    /// <summary>Updates arrive, but something degrades the service, typically no worker to run queued jobs.</summary>
    Degraded,

    /// <summary>The Api answers but cannot serve, typically because its database is down.</summary>
    Unavailable,

    /// <summary>The hub is disconnected or the Api does not answer at all.</summary>
    Offline,
}
