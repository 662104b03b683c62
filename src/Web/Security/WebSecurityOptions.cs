using System.ComponentModel.DataAnnotations;

namespace TrainingService.Web.Security;

/// <summary>The dashboard's session and request checks, bound from the <c>WebSecurity</c> configuration section.</summary>
public sealed class WebSecurityOptions
{
    public const string SectionName = "WebSecurity";

    /// <summary>
    /// The folder holding the Data Protection key ring that encrypts session cookies (and antiforgery tokens). Kept
    /// on disk so a restart of the dashboard signs nobody out. Relative paths are under the content root; the
    /// default is <c>.data/data-protection-keys</c> there (<c>src/Web/.data/...</c> under <c>./run.sh</c>). Anyone who
    /// can read it can forge sessions: it is created owner-only.
    /// </summary>
    [Required]
    public string KeyRing { get; set; } = Path.Combine(".data", "data-protection-keys");

    /// <summary>How long a session lives without a request; each request past half of it renews it (sliding).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Origins besides the dashboard's own that may send unsafe requests and open circuits, for example the public
    /// address of a reverse proxy that does not pass the original Host on. Empty by default.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];
}
