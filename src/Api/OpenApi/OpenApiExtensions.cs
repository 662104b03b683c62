using Microsoft.OpenApi;

namespace TrainingService.Api.OpenApi;

/// <summary>Swagger document and UI: XML comments for descriptions, examples for the job specification.</summary>
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
            options.SchemaFilter<JobSubmissionExampleFilter>();
        });
        return services;
    }
}
