using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using TrainingService.Api.Identity;

namespace TrainingService.Api.OpenApi;

/// <summary>
/// Marks every operation that takes a key with the Bearer scheme (so Swagger UI's "Authorize" key is sent with
/// it) and its 401, and admin operations with their 403. Anonymous operations stay unmarked.
/// </summary>
public sealed class ApiKeySecurityFilter : IOperationFilter
{
    public const string SchemeName = "Bearer";

    public static OpenApiSecurityScheme Scheme() => new()
    {
        Type = SecuritySchemeType.Http,
        Scheme = "bearer",
        BearerFormat = "API key",
        Description = "An API key (tsk_...): ./run.sh prints the first admin's; the dashboard's Keys page and POST /api/keys make more.",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any()) return;
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No API key, or one that is malformed, unknown or revoked" });
        if (metadata.OfType<IAuthorizeData>().Any(data => data.Policy == ApiKeyAuthentication.AdminPolicy))
        {
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The key is not an admin's" });
        }
    }
}
