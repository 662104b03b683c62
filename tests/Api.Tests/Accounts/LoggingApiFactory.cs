using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TrainingService.Api.Tests.Accounts;

/// <summary>
/// The Api on Kestrel configured to log everything, the URL categories by name and for the capturing provider in
/// particular, as an operator chasing a problem might: the most the configuration can ask for.
/// </summary>
public sealed class LoggingApiFactory : KestrelApiFactory
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var prefix in new[] { "Logging:LogLevel", "Logging:Captured:LogLevel" })
        foreach (var category in new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.Server.Kestrel" })
        {
            builder.UseSetting($"{prefix}:{category}", "Trace");
        }
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }
}
