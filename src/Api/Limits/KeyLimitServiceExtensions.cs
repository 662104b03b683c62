using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TrainingService.Api.Identity;

namespace TrainingService.Api.Limits;

/// <summary>Per-key limits: the submission rate through ASP.NET Core's rate limiter; active jobs and upload bytes are counted in the database.</summary>
public static class KeyLimitServiceExtensions
{
    /// <summary>The rate-limiter policy on <c>POST /api/jobs</c>.</summary>
    public const string SubmissionsPolicy = "submissions-per-key";

    public static IServiceCollection AddApiKeyLimits(this IServiceCollection services)
    {
        services.AddOptions<ApiKeyLimits>().BindConfiguration(ApiKeyLimits.SectionName)
            .Validate(limits => { limits.Validate(); return true; }).ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(SubmissionsPolicy, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptions<ApiKeyLimits>>().Value.SubmissionsPerMinute;
                // The endpoint runs only for authenticated callers, so every partition is a key.
                var key = context.User.TryGetCaller()?.KeyId.ToString("D") ?? "";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
                });
            });
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var perMinute = context.RequestServices.GetRequiredService<IOptions<ApiKeyLimits>>().Value.SubmissionsPerMinute;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers[HeaderNames.RetryAfter] = KeyLimitProblems.Seconds(retryAfter);
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests for this API key",
                        Detail = $"This key may submit {perMinute} jobs a minute ({ApiKeyLimits.SectionName}:{nameof(ApiKeyLimits.SubmissionsPerMinute)}).",
                        Extensions = { [KeyLimitProblems.LimitExtension] = nameof(ApiKeyLimits.SubmissionsPerMinute) },
                    },
                });
            };
        });
        return services;
    }
}
