using Microsoft.Extensions.Logging;

namespace TrainingService.Api.Identity;

/// <summary>
/// Keeps keys out of the logs. Browsers send the hub's key in the URL (<c>access_token</c>), and two of ASP.NET
/// Core's categories write whole URLs below Warning: Hosting's "Request starting/finished" lines (Information)
/// and Kestrel's bad-request details (Debug). Those two never log below Warning here, whatever the configuration
/// says: every filter rule, the configuration's and provider-specific ones included, carries the cap, because
/// the logging infrastructure applies exactly one rule per logger and any rule could be the one it picks.
/// </summary>
public static class SecretSafeLogging
{
    private static readonly string[] UrlCategories = ["Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.Server.Kestrel.BadRequests"];

    public static IServiceCollection AddSecretSafeLogging(this IServiceCollection services) =>
        services.PostConfigure<LoggerFilterOptions>(Apply);

    private static void Apply(LoggerFilterOptions options)
    {
        var rules = options.Rules.Select(Capped).ToList();
        options.Rules.Clear();
        // Stands for "no rule matched", which would otherwise log at MinLevel with no filter at all.
        options.Rules.Add(new LoggerFilterRule(null, null, options.MinLevel, MayLog));
        foreach (var rule in rules) options.Rules.Add(rule);
    }

    private static LoggerFilterRule Capped(LoggerFilterRule rule) =>
        new(rule.ProviderName, rule.CategoryName, rule.LogLevel,
            (provider, category, level) => MayLog(provider, category, level) && (rule.Filter?.Invoke(provider, category, level) ?? true));

    private static bool MayLog(string? provider, string? category, LogLevel level) =>
        level >= LogLevel.Warning || category is null || !UrlCategories.Any(c => category.StartsWith(c, StringComparison.Ordinal));
}
