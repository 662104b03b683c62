using System.ComponentModel.DataAnnotations;

namespace TrainingService.Web.Configuration;

/// <summary>Where the training Api lives, bound from the <c>ApiOptions</c> configuration section.</summary>
public sealed class ApiOptions
{
    /// <summary>The address this server uses for REST and SignalR calls.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1:5080");

    /// <summary>
    /// The address browsers use for links into the Api (downloads, Swagger, Hangfire).
    /// It differs from <see cref="BaseUrl"/> when the Api sits behind a proxy or a container network.
    /// </summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>Upper bound for one REST call, so an unreachable Api cannot stall a page render.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often an open page asks the Api's <c>/health/ready</c> whether its database and workers are up, so the
    /// live indicator does not stay green through an outage. One small GET per open page per interval.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ReadinessPollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
