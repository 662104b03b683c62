using System.Net;
using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using TrainingService.Web.Clients.Api;
using TrainingService.Web.Features.JobDetails;
using TrainingService.Web.Tests.TestSupport;

namespace TrainingService.Web.Tests.Features.JobDetails;

/// <summary>
/// The job page's Try-it panel against a stand-in Api: an upload or a drawing goes to <c>/predict</c> with the user's key
/// and asks for the network's input, the top classes come back as bars named by the dataset, the input as an image.
/// </summary>
public sealed class TryItPanelTests : IDisposable
{
    private static readonly Guid Id = Samples.JobId;
    private static readonly string PredictPath = $"/api/jobs/{Id}/predict?topK=5&includeInput=true";
    private static readonly byte[] TinyPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==");
    private readonly DashboardContext context = new();

    [Fact]
    public void A_job_without_a_best_checkpoint_shows_no_panel()
    {
        var panel = Render(checkpoints: "[]");

        Assert.Empty(panel.FindAll("[data-try-it]"));
    }

    [Fact]
    public void An_uploaded_image_is_predicted_and_shown_as_bars_with_the_network_input()
    {
        context.Api.Post(PredictPath, HttpStatusCode.OK, Prediction());
        var panel = Render();

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(TinyPng, "seven.png", contentType: "image/png"));

        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-try-result]")));
        Assert.Equal(["7", "1", "9"], panel.FindAll("[data-try-bars] li").Select(li => li.GetAttribute("data-class")));
        Assert.Contains("width: 91%", panel.Find("[data-class='7'] .try-it-bar span").GetAttribute("style"), StringComparison.Ordinal);
        Assert.StartsWith("data:image/png;base64,", panel.Find("[data-try-input] img").GetAttribute("src"), StringComparison.Ordinal);
        Assert.Contains("1 × 32 × 32", panel.Find("[data-try-input] figcaption").TextContent, StringComparison.Ordinal);
        Assert.Equal("upload", panel.Find("[data-try-result]").GetAttribute("data-try-source"));
        Assert.Contains("filename=seven.png", context.Api.Bodies.Single(), StringComparison.Ordinal);
        Assert.Equal($"Bearer {TestSession.MemberKey}", context.Api.Authorizations.Single());
    }

    [Fact]
    public void A_drawing_is_sent_as_a_28_pixel_png_for_a_greyscale_job()
    {
        var module = context.JSInterop.SetupModule("./tryit.js");
        module.Setup<string>("toPng", _ => true).SetResult(Convert.ToBase64String(TinyPng));
        context.Api.Post(PredictPath, HttpStatusCode.OK, Prediction());
        var panel = Render();

        panel.WaitForAssertion(() => Assert.False(panel.Find("[data-action=try-predict-drawing]").HasAttribute("disabled")));
        panel.Find("[data-action=try-predict-drawing]").Click();

        panel.WaitForAssertion(() => Assert.Equal("drawing", panel.Find("[data-try-result]").GetAttribute("data-try-source")));
        Assert.Equal(28, module.Invocations["toPng"].Single().Arguments[1]);
        Assert.Contains("filename=drawing.png", context.Api.Bodies.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_colour_job_offers_an_upload_but_no_drawing_pad()
    {
        var panel = Render(dataset: "cifar10");

        Assert.Empty(panel.FindAll("canvas"));
        Assert.Single(panel.FindAll("input[type=file]"));
    }

    [Fact]
    public void A_refusal_shows_the_apis_reason()
    {
        context.Api.Post(PredictPath, HttpStatusCode.BadRequest, Samples.ValidationProblem(("images[0]", "notes.png: is not a PNG or JPEG image, or it is corrupt.")));
        var panel = Render();

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("hello", "notes.png"));

        panel.WaitForAssertion(() => Assert.Contains("is not a PNG or JPEG image", panel.Find("[data-try-error]").TextContent, StringComparison.Ordinal));
    }

    private IRenderedComponent<TryItPanel> Render(string dataset = "mnist", string? checkpoints = null)
    {
        var job = JsonSerializer.Deserialize<JobDto>(Samples.Job(Id, status: "Succeeded", dataset: dataset), ApiJson.Options)!;
        var saved = JsonSerializer.Deserialize<List<CheckpointDto>>(checkpoints ?? Samples.Checkpoints(Id), ApiJson.Options)!;
        return context.Render<TryItPanel>(parameters => parameters.Add(p => p.Job, job).Add(p => p.Checkpoints, saved));
    }

    private static string Prediction() => $$"""
        { "jobId": "{{Id}}", "checkpoint": "best", "checkpointEpoch": 2, "predictions": [ { "index": 0, "name": "seven.png",
          "top": [ { "classIndex": 7, "className": "7", "probability": 0.91 }, { "classIndex": 1, "className": "1", "probability": 0.06 },
                   { "classIndex": 9, "className": "9", "probability": 0.03 } ],
          "input": { "channels": 1, "height": 32, "width": 32, "minimum": -0.4242, "maximum": 2.8215, "png": "{{Convert.ToBase64String(TinyPng)}}" } } ] }
        """;

    public void Dispose() => context.Dispose();
}
