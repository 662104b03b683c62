using Microsoft.OpenApi;

namespace TrainingService.Api.OpenApi;

/// <summary>Swagger document and UI: XML comments for descriptions, examples for the job specification, the key's scheme.</summary>
public static class OpenApiExtensions
{
    public static IServiceCollection AddTrainingOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Training service API",
                Version = "v1",
                Description = "Submit image-classification training jobs, follow their metrics and download PyTorch weights.",
            });
            foreach (var xml in Directory.EnumerateFiles(AppContext.BaseDirectory, "TrainingService.*.xml"))
            {
                options.IncludeXmlComments(xml);
            }
            options.CustomSchemaIds(SchemaId);
            options.SchemaFilter<JobSubmissionExampleFilter>();
            options.AddSecurityDefinition(ApiKeySecurityFilter.SchemeName, ApiKeySecurityFilter.Scheme());
            options.OperationFilter<ApiKeySecurityFilter>();
            // InputShape reads "CxHxW" or [C, H, W] and is always written as "CxHxW".
            options.MapType<Core.Models.InputShape>(() => new OpenApiSchema
            {
                Description = "An image shape, channels x height x width: \"1x32x32\" or [1, 32, 32].",
                OneOf =
                [
                    new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-9]+x[0-9]+x[0-9]+$" },
                    new OpenApiSchema { Type = JsonSchemaType.Array, MinItems = 3, MaxItems = 3, Items = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" } },
                ],
            });
        });
        return services;
    }

    /// <summary>
    /// Swashbuckle's default id (the type's name, a generic's arguments first), except that a sweep's early stopping, whose
    /// name a job's early stopping already has, is <c>SweepEarlyStoppingSubmission</c>.
    /// </summary>
    private static string SchemaId(Type type) =>
        type == typeof(Contracts.Sweeps.EarlyStoppingSubmission) ? "Sweep" + type.Name
        : type.IsConstructedGenericType ? string.Concat(type.GetGenericArguments().Select(SchemaId)) + type.Name.Split('`')[0]
        : type.Name.Replace("[]", "Array", StringComparison.Ordinal);
}
