using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TrainingService.Api.Apis.Shared;
using TrainingService.Api.Requests;
using TrainingService.Contracts.Models;
using TrainingService.Core.Jobs;
using TrainingService.Core.Models;
using TrainingService.Core.Models.Custom;
using TrainingService.Core.Models.PyTorch;
using TrainingService.Core.Models.Summary;

namespace TrainingService.Api.Apis.Models;

/// <summary>The <c>/api/models</c> endpoints: the zoo, torchinfo-style summaries and the reference PyTorch source.</summary>
public static class ModelsApi
{
    private const int MaxBatch = 4096;
    private const int MaxClasses = 100_000;
    private const int MaxChannels = 3;

    private const string NotASummaryRequest = "The request body is not a valid summary request.";

    private static readonly Dictionary<string, string> SummaryRequestForms = new(StringComparer.Ordinal)
    {
        ["$"] = "must be an object such as {\"layers\": [{\"type\": \"Flatten\"}, {\"type\": \"Linear\", \"out\": 10}], \"inputShape\": \"1x28x28\", \"batch\": 1}.",
        ["layers"] = "must be an array of layers, as a job's model.custom lists them.",
        ["layers[]"] = "must be a layer object, such as {\"type\": \"Conv2d\", \"out\": 6, \"kernel\": 5}.",
        ["batch"] = $"must be a whole number between 1 and {MaxBatch}.",
    };

    public static RouteGroupBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var limits = app.ServiceProvider.GetRequiredService<IOptions<RequestLimits>>().Value;
        var api = app.MapGroup("/api/models").WithTags("Models");
        api.MapGet("/", List).WithName("ListModels").WithSummary("List the model zoo");
        api.MapGet("/{name}/summary", Summary).WithName("GetModelSummary")
            .WithSummary("Summarise a zoo network (torchinfo conventions)").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/summary", CustomSummaryAsync).WithName("SummariseCustomNetwork").WithSummary("Summarise a custom layer list")
            .Accepts<CustomSummaryRequest>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxJsonBodyBytes)).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/{name}/pytorch", PyTorchSource).WithName("GetModelPyTorchSource")
            .WithSummary("The reference PyTorch class whose state_dict matches the service's checkpoints")
            .Produces<string>(StatusCodes.Status200OK, "text/x-python").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static Ok<IReadOnlyList<ModelResource>> List(ModelCatalog catalog) => TypedResults.Ok(catalog.Models);

    public static Results<Ok<ModelSummaryResource>, ValidationProblem, ProblemHttpResult> Summary(
        string name, ModelRegistry models, [FromQuery] int batch = 1, [FromQuery] string? inputShape = null, [FromQuery] int? numClasses = null)
    {
        if (!models.TryGet(name, out var definition)) return UnknownModel(name, models);
        var errors = new Dictionary<string, string[]>();
        var input = definition.DefaultInput;
        if (inputShape is not null)
        {
            if (InputShape.TryParse(inputShape, out var parsed)) input = parsed;
            else errors["inputShape"] = [$"must be {InputShape.ExpectedForm}."];
        }
        if (batch is < 1 or > MaxBatch) errors["batch"] = [$"must be between 1 and {MaxBatch}."];
        CheckClasses(numClasses, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var network = definition.Describe(new ModelBuildOptions(input.Channels, numClasses ?? definition.DefaultClasses)) with { Input = input };
        try
        {
            return TypedResults.Ok(ModelSummarizer.Summarize(network, batch).ToResource(definition.Name, batch, input));
        }
        catch (ShapeMismatchException exception)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["inputShape"] = [$"{definition.Name}: {exception.Message}; the network expects {definition.Describe(definition.DefaultOptions).Input}."],
            });
        }
        catch (OverflowException)
        {
            return TooLargeToSummarise();
        }
    }

    /// <summary>
    /// <c>POST /api/models/summary</c>. The body is read here rather than bound, so a body that does not fit
    /// (malformed JSON, unknown fields, wrong types, shapes that are not three sizes) comes back as a
    /// validation problem naming the field and the form it takes, as a job specification's does.
    /// </summary>
    public static async Task<Results<Ok<ModelSummaryResource>, ValidationProblem, ProblemHttpResult>> CustomSummaryAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        var read = await JsonRequestBody<CustomSummaryRequest>.ReadAsync(request, "Send the summary request as application/json.",
            NotASummaryRequest, cancellationToken, typeof(CustomSummaryRequest), SummaryRequestForms);
        if (read.Unsupported is { } unsupported) return unsupported;
        if (read.Invalid is { } invalid) return invalid;
        var body = read.Value;
        if (body is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = [SummaryRequestForms["$"]] }, title: NotASummaryRequest);
        }
        return CustomSummary(body);
    }

    private static Results<Ok<ModelSummaryResource>, ValidationProblem, ProblemHttpResult> CustomSummary(CustomSummaryRequest request)
    {
        var errors = new ValidationErrors();
        var batch = request.Batch ?? 1;
        if (batch is < 1 or > MaxBatch) errors.Add("batch", $"must be between 1 and {MaxBatch}.");
        if (request.InputShape is null) errors.Add("inputShape", $"is required, as {InputShape.ExpectedForm}.");
        if (request.Layers is null) errors.Add("layers", "is required: the network's layers, as a job's model.custom lists them.");
        var network = errors.Any ? null : CustomNetwork.Describe(request.Layers!, request.InputShape!, 1, errors);
        if (network is null) return TypedResults.ValidationProblem(Renamed(errors));
        try
        {
            return TypedResults.Ok(ModelSummarizer.Summarize(network, batch).ToResource(ModelSpec.CustomName, batch, request.InputShape!));
        }
        catch (OverflowException)
        {
            return TooLargeToSummarise();
        }
    }

    public static Results<ContentHttpResult, ValidationProblem, ProblemHttpResult> PyTorchSource(
        string name, ModelRegistry models, [FromQuery] int? numClasses = null, [FromQuery] int? channels = null)
    {
        if (!models.TryGet(name, out var definition)) return UnknownModel(name, models);
        var errors = new Dictionary<string, string[]>();
        CheckClasses(numClasses, errors);
        if (channels is < 1 or > MaxChannels) errors["channels"] = [$"must be between 1 and {MaxChannels} (1 for grey images, 3 for RGB)."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var network = definition.Describe(new ModelBuildOptions(channels ?? definition.DefaultInput.Channels, numClasses ?? definition.DefaultClasses));
        var className = PyTorchSourceEmitter.DefaultClassName(network);
        return TypedResults.Content(PyTorchSourceEmitter.Emit(network, className), "text/x-python", Encoding.UTF8);
    }

    private static void CheckClasses(int? numClasses, Dictionary<string, string[]> errors)
    {
        if (numClasses is < 2 or > MaxClasses) errors["numClasses"] = [$"must be between 2 and {MaxClasses}."];
    }

    /// <summary>A summary's counts are checked arithmetic: a network whose totals pass 64 bits at this batch is described, not computed.</summary>
    private static ValidationProblem TooLargeToSummarise() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["batch"] = ["the network's totals at this batch size are too large to count (over 2^63); use a smaller batch or network."],
        });

    private static ProblemHttpResult UnknownModel(string name, ModelRegistry models) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Model not found",
            detail: $"No model is named '{name}'; known models: {string.Join(", ", models.Names)}.");

    /// <summary>The custom-network checks name fields as a job does (model.custom[i]); here the list is <c>layers</c>.</summary>
    private static Dictionary<string, string[]> Renamed(ValidationErrors errors) =>
        errors.ToDictionary().ToDictionary(e => e.Key.Replace("model.custom", "layers", StringComparison.Ordinal), e => e.Value);
}
