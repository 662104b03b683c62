using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace TrainingService.Api.Tests.Hostile;

/// <summary>
/// The hostile-input table: every row of the issue that found the Api answering 5xx, accepting what can never
/// train or hurting the service, and the neighbours of each row, endpoint by endpoint.
/// </summary>
internal static class HostileCases
{
    private const int BadRequest = 400, NotFound = 404, UnsupportedMediaType = 415, TooLarge = 413, Ok = 200;
    private const int AnyClientError = HostileCase.AnyClientError;

    /// <summary>More than Kestrel's default request body limit of 30,000,000 bytes.</summary>
    private const int OversizedBytes = 31_000_000;

    public static IEnumerable<HostileCase> All() =>
        JobSpecNumbers().Concat(JobSpecStrings()).Concat(JobSpecShapes()).Concat(JobSpecResources())
            .Concat(Queries()).Concat(Paths()).Concat(PredictJson()).Concat(PredictFiles())
            .Concat(Summaries()).Concat(Uploads()).Concat(Hangfire());

    private static IEnumerable<HostileCase> JobSpecNumbers()
    {
        string[] reals =
        [
            "hyperparameters.learningRate", "hyperparameters.momentum", "hyperparameters.weightDecay", "hyperparameters.dampening",
            "hyperparameters.gradientClipNorm", "hyperparameters.labelSmoothing", "dataset.validationFraction",
        ];
        JsonNode?[] notFinite = ["NaN", "Infinity", "-Infinity", 1e308, -1e308];
        foreach (var field in reals)
        foreach (var value in notFinite)
        {
            yield return Submit($"{field} = {value?.ToJsonString()}", Set(field, value), BadRequest, field);
        }

        var adam = Set("hyperparameters.optimizer", "adam");
        adam["hyperparameters"]!.AsObject().Remove("momentum");
        foreach (var field in new[] { "hyperparameters.beta1", "hyperparameters.beta2", "hyperparameters.eps" })
        foreach (var value in notFinite)
        {
            yield return Submit($"adam {field} = {value?.ToJsonString()}", Set(field, value, adam.DeepClone().AsObject()), BadRequest, field);
        }

        string[] whole =
        [
            "hyperparameters.epochs", "hyperparameters.batchSize", "hyperparameters.threads", "hyperparameters.maxRestarts",
            "model.numClasses", "dataset.trainLimit", "dataset.validationLimit", "dataset.testLimit",
        ];
        JsonNode?[] notWhole = [2147483648L, -1, 1.5, "NaN", 1e308];
        foreach (var field in whole)
        foreach (var value in notWhole)
        {
            yield return Submit($"{field} = {value?.ToJsonString()}", Set(field, value), BadRequest, field);
        }

        yield return Submit("hyperparameters.seed = 1e308", Set("hyperparameters.seed", 1e308), BadRequest, "hyperparameters.seed");
        yield return Submit("hyperparameters.seed = \"NaN\"", Set("hyperparameters.seed", "NaN"), BadRequest, "hyperparameters.seed");
        yield return Submit("hyperparameters.seed past long", Raw(JobSpecs.Valid().ToJsonString().Replace("\"seed\":42", "\"seed\":9223372036854775808")),
            BadRequest, "hyperparameters.seed");

        var schedule = Set("hyperparameters.schedule", JsonNode.Parse("""{"kind": "step", "stepSize": 1, "gamma": 0.5}"""));
        foreach (var value in notFinite)
        {
            yield return Submit($"schedule.gamma = {value?.ToJsonString()}", Set("hyperparameters.schedule.gamma", value, schedule.DeepClone().AsObject()),
                BadRequest, "hyperparameters.schedule.gamma");
        }

        var stopping = Set("hyperparameters.earlyStopping", JsonNode.Parse("""{"metric": "validation_loss", "patience": 2, "minDelta": 0.01}"""));
        foreach (var value in notFinite)
        {
            yield return Submit($"earlyStopping.minDelta = {value?.ToJsonString()}", Set("hyperparameters.earlyStopping.minDelta", value, stopping.DeepClone().AsObject()),
                BadRequest, "hyperparameters.earlyStopping.minDelta");
        }

        var normalize = Set("dataset.transforms", JsonNode.Parse("""{"normalize": "custom", "mean": [0.5], "std": [0.5]}"""));
        yield return Submit("transforms.std = [0]", Set("dataset.transforms.std", new JsonArray(0), normalize.DeepClone().AsObject()), BadRequest, "dataset.transforms");
        yield return Submit("transforms.mean = [\"NaN\"]", Set("dataset.transforms.mean", new JsonArray("NaN"), normalize.DeepClone().AsObject()), BadRequest, "dataset.transforms");
        yield return Submit("transforms.std = [\"Infinity\"]", Set("dataset.transforms.std", new JsonArray("Infinity"), normalize.DeepClone().AsObject()), BadRequest, "dataset.transforms");
        yield return Submit("transforms.resize = [100000, 100000]", Set("dataset.transforms", JsonNode.Parse("""{"resize": [100000, 100000]}""")), BadRequest, "dataset.transforms.resize");
        yield return Submit("transforms.resize = [-1, 28]", Set("dataset.transforms", JsonNode.Parse("""{"resize": [-1, 28]}""")), BadRequest, "dataset.transforms.resize");
        yield return Submit("RandomCrop p = NaN", Set("dataset.transforms", JsonNode.Parse("""{"train": [{"type": "RandomHorizontalFlip", "p": "NaN"}]}""")),
            BadRequest, "dataset.transforms.train[0]");
    }

    private static IEnumerable<HostileCase> JobSpecStrings()
    {
        foreach (var (label, text) in new[] { ("NUL", "a\u0000b"), ("ESC", "a\u001b[31mb"), ("BEL", "a\u0007b"), ("line break", "a\nb"), ("DEL", "a\u007fb") })
        {
            yield return Submit($"name with {label}", Set("name", text), BadRequest, "name");
        }
        yield return Submit("name of 10,000 characters", Set("name", new string('x', 10_000)), BadRequest, "name");
        yield return Submit("model.name with NUL", Set("model.name", "lenet5\u0000"), BadRequest, "model.name");
        yield return Submit("dataset.name with NUL", Set("dataset.name", "mnist\u0000"), BadRequest, "dataset.name");
        yield return Submit("optimizer with NUL", Set("hyperparameters.optimizer", "sgd\u0000"), BadRequest, "hyperparameters.optimizer");
        yield return Submit("device with NUL", Set("hyperparameters.device", "\u0000"), BadRequest, "hyperparameters.device");
        yield return Submit("checkpointMetric with NUL", Set("hyperparameters.checkpointMetric", "\u0000"), BadRequest, "hyperparameters.checkpointMetric");
        yield return Submit("model.init with NUL", Set("model.init", "kaiming\u0000"), BadRequest, "model.init");
        yield return Submit("invalid UTF-8", () => Bytes([.. "{\"name\": \""u8, 0xC3, 0x28, .. "\"}"u8], "application/json"), BadRequest);
    }

    private static IEnumerable<HostileCase> JobSpecShapes()
    {
        yield return Submit("body null", Raw("null"), BadRequest, "$");
        yield return Submit("body an array", Raw("[]"), BadRequest, "$");
        yield return Submit("body a string", Raw("\"x\""), BadRequest, "$");
        yield return Submit("body a number", Raw("42"), BadRequest, "$");
        yield return Submit("body truncated", Raw("{\"name\": "), BadRequest);
        yield return Submit("body empty", Raw(""), BadRequest, "$");
        yield return Submit("body nested 10,000 deep", Raw(new string('[', 10_000) + new string(']', 10_000)), BadRequest, "$");
        yield return Submit("unknown root field", Set("color", "red"), BadRequest, "color");
        yield return Submit("model a string", Set("model", "lenet5"), BadRequest, "model");
        yield return Submit("dataset a number", Set("dataset", 5), BadRequest, "dataset");
        yield return Submit("hyperparameters an array", Set("hyperparameters", new JsonArray()), BadRequest, "hyperparameters");
        yield return Submit("name a number", Set("name", 5), BadRequest, "name");
        yield return Submit("model.custom an object", Set("model.custom", new JsonObject()), BadRequest, "model.custom");
        yield return Submit("earlyStopping true", Set("hyperparameters.earlyStopping", true), BadRequest, "hyperparameters.earlyStopping");
        yield return Submit("model null", Set("model", null), BadRequest, "model");
        yield return Submit("dataset null", Set("dataset", null), BadRequest, "dataset");
        yield return Submit("hyperparameters null", Set("hyperparameters", null), BadRequest, "hyperparameters");
        yield return Submit("epochs null", Set("hyperparameters.epochs", null), BadRequest, "hyperparameters.epochs");
        yield return new HostileCase("job as text/plain", HttpMethod.Post, "/api/jobs", () => new StringContent(JobSpecs.Valid().ToJsonString(), Encoding.UTF8, "text/plain"), UnsupportedMediaType);
        yield return new HostileCase("job as a form", HttpMethod.Post, "/api/jobs", () => new FormUrlEncodedContent([new("name", "x")]), UnsupportedMediaType);
        yield return new HostileCase("job over 30,000,000 bytes", HttpMethod.Post, "/api/jobs", () => Oversized("application/json"), TooLarge);
    }

    private static IEnumerable<HostileCase> JobSpecResources()
    {
        yield return Submit("lenet5 with numClasses 1,000,000,000", Set("model.numClasses", 1_000_000_000), BadRequest, "model");
        var huge = JobSpecs.Valid();
        huge["model"] = JsonNode.Parse("""{"custom": [{"type": "Flatten"}, {"type": "Linear", "out": 1000000}, {"type": "Linear", "out": 1000000}, {"type": "Linear", "out": 10}]}""");
        yield return Submit("custom Flatten, Linear(1e6), Linear(1e6), Linear(10)", () => Json(huge), BadRequest, "model");
        var wide = JobSpecs.Valid();
        wide["model"] = JsonNode.Parse("""{"custom": [{"type": "Conv2d", "out": 2147483647, "kernel": 3}, {"type": "Flatten"}, {"type": "Linear", "out": 10}]}""");
        yield return Submit("custom Conv2d with 2,147,483,647 filters", () => Json(wide), BadRequest, "model");
        var overflow = JobSpecs.Valid();
        overflow["model"] = JsonNode.Parse("""{"custom": [{"type": "Flatten"}, {"type": "Linear", "out": 2147483647}, {"type": "Linear", "out": 2147483647}]}""");
        yield return Submit("custom Linear(2^31-1) twice", () => Json(overflow), BadRequest, "model");
        yield return Submit("numClasses 2,147,483,647", Set("model.numClasses", int.MaxValue), BadRequest, "model");
    }

    private static IEnumerable<HostileCase> Queries()
    {
        foreach (var (query, field) in new[]
                 {
                     ("page=2147483647", "page"), ("page=-1", "page"), ("page=0", "page"), ("page=abc", "page"), ("page=1e3", "page"),
                     ("page=%00", "page"), ("page=99999999999999999999", "page"), ("pageSize=2147483648", "pageSize"), ("pageSize=abc", "pageSize"),
                     ("pageSize=-5", "pageSize"), ("pageSize=1000", "pageSize"),
                 })
        {
            yield return Get($"list jobs ?{query}", $"/api/jobs?{query}", BadRequest, field);
        }

        foreach (var (query, field) in new[] { ("from=abc", "from"), ("from=99999999999999999999", "from"), ("maxPoints=abc", "maxPoints"), ("maxPoints=0", "maxPoints"), ("to=NaN", "to") })
        {
            yield return Get($"steps ?{query}", $"/api/jobs/{{job}}/steps?{query}", BadRequest, field);
        }

        foreach (var (query, field) in new[] { ("batch=abc", "batch"), ("batch=0", "batch"), ("batch=2147483648", "batch"), ("numClasses=-1", "numClasses"), ("numClasses=abc", "numClasses"), ("inputShape=abc", "inputShape"), ("inputShape=%00", "inputShape") })
        {
            yield return Get($"model summary ?{query}", $"/api/models/lenet5/summary?{query}", BadRequest, field);
        }

        foreach (var (query, field) in new[] { ("numClasses=-1", "numClasses"), ("numClasses=abc", "numClasses"), ("channels=0", "channels"), ("channels=abc", "channels"), ("channels=99999999999", "channels") })
        {
            yield return Get($"model source ?{query}", $"/api/models/lenet5/pytorch?{query}", BadRequest, field);
        }

        foreach (var (query, field) in new[] { ("topK=0", "topK"), ("topK=abc", "topK"), ("topK=2147483648", "topK"), ("topK=101", "topK") })
        {
            yield return new HostileCase($"predict ?{query}", HttpMethod.Post, $"/api/jobs/{{job}}/predict?{query}", PixelJson(1), BadRequest, field);
        }
    }

    private static IEnumerable<HostileCase> Paths()
    {
        foreach (var path in new[] { "/api/models", "/api/datasets", "/health/live", "/health/ready" })
        {
            yield return Get($"{path} with a NUL parameter", $"{path}?x=%00&page=abc", Ok);
        }
        var unknown = Guid.NewGuid();
        yield return Get("job id not a GUID", "/api/jobs/not-a-guid", NotFound);
        foreach (var suffix in new[] { "", "/metrics", "/steps", "/evaluation", "/pytorch", "/attempts", "/checkpoints", "/checkpoints/best" })
        {
            yield return Get($"unknown job {suffix}", $"/api/jobs/{unknown}{suffix}", NotFound);
        }
        foreach (var action in new[] { "cancel", "pause", "resume", "predict" })
        {
            yield return new HostileCase($"{action} an unknown job", HttpMethod.Post, $"/api/jobs/{unknown}/{action}", () => null, NotFound);
        }
        yield return Get("checkpoint name with traversal", "/api/jobs/{job}/checkpoints/..%2F..%2F..%2Fetc%2Fpasswd", NotFound);
        yield return Get("checkpoint name with NUL", "/api/jobs/{job}/checkpoints/best%00", BadRequest) with { RefusedByKestrel = true };
        yield return Get("checkpoint name of 5,000 characters", "/api/jobs/{job}/checkpoints/" + new string('a', 5000), NotFound);
        yield return Get("model name with NUL", "/api/models/lenet5%00/summary", BadRequest) with { RefusedByKestrel = true };
        yield return Get("model name with traversal", "/api/models/..%2F..%2Fetc/pytorch", NotFound);
        yield return Get("dataset id not a GUID", "/api/datasets/not-a-guid", NotFound);
        yield return Get("unknown dataset", $"/api/datasets/{unknown}", NotFound);
        yield return new HostileCase("delete an unknown dataset", HttpMethod.Delete, $"/api/datasets/{unknown}", () => null, NotFound);
    }

    private static IEnumerable<HostileCase> PredictJson()
    {
        const string path = "/api/jobs/{job}/predict";
        yield return new HostileCase("predict images null", HttpMethod.Post, path, Raw("""{"images": null}"""), BadRequest, "images");
        yield return new HostileCase("predict images a string", HttpMethod.Post, path, Raw("""{"images": "x"}"""), BadRequest, "images");
        yield return new HostileCase("predict images an object", HttpMethod.Post, path, Raw("""{"images": {}}"""), BadRequest, "images");
        yield return new HostileCase("predict images [null]", HttpMethod.Post, path, Raw("""{"images": [null]}"""), BadRequest, "images[0]");
        yield return new HostileCase("predict images []", HttpMethod.Post, path, Raw("""{"images": []}"""), BadRequest, "images");
        yield return new HostileCase("predict body null", HttpMethod.Post, path, Raw("null"), BadRequest);
        yield return new HostileCase("predict body an array", HttpMethod.Post, path, Raw("[]"), BadRequest);
        yield return new HostileCase("predict body truncated", HttpMethod.Post, path, Raw("""{"images": [[[1, 2"""), BadRequest);
        yield return new HostileCase("predict unknown field", HttpMethod.Post, path, () => Json(new JsonObject { ["images"] = Pixels(28, 28, 0), ["labels"] = 1 }), BadRequest, "labels");
        yield return new HostileCase("predict 257 images", HttpMethod.Post, path, PixelJson(257), BadRequest, "images");
        yield return new HostileCase("predict wrong shape", HttpMethod.Post, path, () => Json(new JsonObject { ["images"] = new JsonArray(Pixels(27, 28, 0)) }), BadRequest, "images[0]");
        yield return new HostileCase("predict pixel 256", HttpMethod.Post, path, () => Json(new JsonObject { ["images"] = new JsonArray(Pixels(28, 28, 256)) }), BadRequest, "images[0]");
        yield return new HostileCase("predict pixel -1", HttpMethod.Post, path, () => Json(new JsonObject { ["images"] = new JsonArray(Pixels(28, 28, -1)) }), BadRequest, "images[0]");
        yield return new HostileCase("predict pixel NaN", HttpMethod.Post, path, () => Json(new JsonObject { ["images"] = new JsonArray(Pixels(28, 28, "NaN")) }), BadRequest, "images[0]");
        yield return new HostileCase("predict ragged rows", HttpMethod.Post, path, Raw("""{"images": [[[1, 2], [3]]]}"""), BadRequest, "images[0]");
        yield return new HostileCase("predict nested 10,000 deep", HttpMethod.Post, path, Raw("{\"images\": " + new string('[', 10_000) + new string(']', 10_000) + "}"), BadRequest);
        yield return new HostileCase("predict as text/plain", HttpMethod.Post, path, () => new StringContent("images", Encoding.UTF8, "text/plain"), AnyClientError);
        yield return new HostileCase("predict over 30,000,000 bytes of JSON", HttpMethod.Post, path, () => Oversized("application/json"), TooLarge);
        yield return new HostileCase("predict one valid grey image", HttpMethod.Post, path, PixelJson(1), Ok);
    }

    private static IEnumerable<HostileCase> PredictFiles()
    {
        const string path = "/api/jobs/{job}/predict";
        foreach (var (label, type) in new[]
                 {
                     ("grey", "grey"), ("RGB", "rgb"), ("RGBA", "rgba"), ("palette", "palette"), ("grey+alpha", "grey+alpha"),
                 })
        {
            yield return new HostileCase($"predict a {label} PNG of a digit", HttpMethod.Post, path, () => Files(("digit.png", PredictionImages.DigitPng(type))), Ok);
        }
        yield return new HostileCase("predict an RGB JPEG of a digit", HttpMethod.Post, path, () => Files(("digit.jpg", PredictionImages.DigitJpeg())), Ok);
        yield return new HostileCase("predict a PNG declaring 30000 x 30000", HttpMethod.Post, path, () => Files(("bomb.png", PredictionImages.BlackBomb(30_000, 30_000))), BadRequest, "images[0]");
        yield return new HostileCase("predict a truncated PNG", HttpMethod.Post, path, () => Files(("cut.png", PredictionImages.TruncatedPng())), BadRequest, "images[0]");
        yield return new HostileCase("predict a text file", HttpMethod.Post, path, () => Files(("notes.png", PredictionImages.NotAnImage())), BadRequest, "images[0]");
        yield return new HostileCase("predict an empty file", HttpMethod.Post, path, () => Files(("empty.png", [])), BadRequest, "images[0]");
        yield return new HostileCase("predict 257 files", HttpMethod.Post, path,
            () => Files(Enumerable.Range(0, 257).Select(i => ($"d{i}.png", PredictionImages.DigitPng("grey"))).ToArray()), BadRequest, "images");
        yield return new HostileCase("predict 1000 files", HttpMethod.Post, path,
            () => Files(Enumerable.Range(0, 1000).Select(i => ($"d{i}.png", PredictionImages.DigitPng("grey"))).ToArray()), BadRequest, "images");
        yield return new HostileCase("predict a file under an unknown field", HttpMethod.Post, path, () =>
        {
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(PredictionImages.DigitPng("grey")), "labels", "d.png");
            return form;
        }, BadRequest, "labels");
        yield return new HostileCase("predict an empty form", HttpMethod.Post, path, () => new MultipartFormDataContent(), BadRequest, "images");
        yield return new HostileCase("predict a form with only text fields", HttpMethod.Post, path, () => new FormUrlEncodedContent([new("images", "x")]), BadRequest, "images");
        yield return new HostileCase("predict a form over 30,000,000 bytes", HttpMethod.Post, path, () => Files(("big.png", new byte[OversizedBytes])), TooLarge);
    }

    private static IEnumerable<HostileCase> Summaries()
    {
        const string path = "/api/models/summary";
        HostileCase Summary(string name, string body, int status, string? field = null) =>
            new(name, HttpMethod.Post, path, Raw(body), status, field);
        yield return Summary("summary body null", "null", BadRequest, "$");
        yield return Summary("summary layers null", """{"layers": null, "inputShape": [1, 28, 28]}""", BadRequest, "layers");
        yield return Summary("summary unknown layer", """{"layers": [{"type": "Quantum"}], "inputShape": [1, 28, 28]}""", BadRequest, "layers[0]");
        yield return Summary("summary Linear out NaN", """{"layers": [{"type": "Flatten"}, {"type": "Linear", "out": "NaN"}], "inputShape": [1, 28, 28]}""", BadRequest, "layers[1]");
        yield return Summary("summary Linear out past int", """{"layers": [{"type": "Flatten"}, {"type": "Linear", "out": 2147483648}], "inputShape": [1, 28, 28]}""", BadRequest, "layers[1]");
        yield return Summary("summary inputShape of NUL", """{"layers": [{"type": "Flatten"}], "inputShape": "\u0000"}""", BadRequest, "inputShape");
        yield return Summary("summary batch 1e308", """{"layers": [{"type": "Flatten"}], "inputShape": [1, 28, 28], "batch": 1e308}""", BadRequest, "batch");
        yield return new HostileCase("summary as text/plain", HttpMethod.Post, path, () => new StringContent("{}", Encoding.UTF8, "text/plain"), UnsupportedMediaType);
        yield return new HostileCase("summary over 30,000,000 bytes", HttpMethod.Post, path, () => Oversized("application/json"), TooLarge);
    }

    private static IEnumerable<HostileCase> Uploads()
    {
        const string path = "/api/datasets";
        yield return new HostileCase("upload with no body", HttpMethod.Post, path, () => null, AnyClientError);
        yield return new HostileCase("upload as JSON", HttpMethod.Post, path, Raw("""{"name": "x"}"""), AnyClientError);
        yield return new HostileCase("upload name with NUL", HttpMethod.Post, path, () => Upload("a\u0000b", DatasetZips.Pets()), BadRequest, "name");
        yield return new HostileCase("upload name with ESC", HttpMethod.Post, path, () => Upload("a\u001bb", DatasetZips.Pets()), BadRequest, "name");
        yield return new HostileCase("upload not a zip", HttpMethod.Post, path, () => Upload("x", PredictionImages.NotAnImage()), BadRequest);
        yield return new HostileCase("upload a zip escaping its folder", HttpMethod.Post, path, () => Upload("x", DatasetZips.Zip(("../../evil/cat/a.png", DatasetZips.Png(8, 8, 1)), ("train/dog/b.png", DatasetZips.Png(8, 8, 1)))), BadRequest);
        yield return new HostileCase("upload a bomb image", HttpMethod.Post, path, () => Upload("x", DatasetZips.Zip(("train/cat/a.png", PredictionImages.BlackBomb(30_000, 30_000)), ("train/dog/b.png", DatasetZips.Png(8, 8, 1)))), AnyClientError);
        yield return new HostileCase("upload resize NaN", HttpMethod.Post, path, () =>
        {
            var form = Upload("x", DatasetZips.Pets());
            form.Add(new StringContent("NaN"), "resize");
            return form;
        }, BadRequest, "resize");
        yield return new HostileCase("upload past the upload limit", HttpMethod.Post, path, () => Upload("x", new byte[UploadingApiFactory.MaxUploadBytes + 1]), TooLarge);
    }

    private static IEnumerable<HostileCase> Hangfire()
    {
        yield return new HostileCase("Hangfire stats without a form", HttpMethod.Post, "/hangfire/stats", () => null, AnyClientError);
        yield return new HostileCase("Hangfire stats with JSON", HttpMethod.Post, "/hangfire/stats", Raw("{}"), AnyClientError);
    }

    private static HostileCase Submit(string name, Func<HttpContent?> body, int status, string? field = null) =>
        new($"submit: {name}", HttpMethod.Post, "/api/jobs", body, status, field);

    private static HostileCase Submit(string name, JsonObject spec, int status, string? field = null) => Submit(name, () => Json(spec), status, field);

    private static HostileCase Get(string name, string path, int status, string? field = null) => new(name, HttpMethod.Get, path, () => null, status, field);

    /// <summary>The valid job with one field, given by its dotted path, set (parents created as needed).</summary>
    private static JsonObject Set(string path, JsonNode? value, JsonObject? spec = null)
    {
        spec ??= JobSpecs.Valid();
        var parts = path.Split('.');
        var node = spec;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child) node[part] = child = new JsonObject();
            node = child;
        }
        node[parts[^1]] = value?.DeepClone();
        return spec;
    }

    private static Func<HttpContent?> Raw(string json) => () => new StringContent(json, Encoding.UTF8, "application/json");

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    private static ByteArrayContent Bytes(byte[] bytes, string mediaType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    private static ByteArrayContent Oversized(string mediaType)
    {
        var bytes = new byte[OversizedBytes];
        Array.Fill(bytes, (byte)' ');
        bytes[0] = (byte)'{';
        bytes[^1] = (byte)'}';
        return Bytes(bytes, mediaType);
    }

    private static JsonArray Pixels(int height, int width, JsonNode? value) =>
        new(Enumerable.Range(0, height).Select(_ => (JsonNode?)new JsonArray(Enumerable.Range(0, width).Select(_ => value?.DeepClone()).ToArray())).ToArray());

    private static Func<HttpContent?> PixelJson(int count) =>
        () => Json(new JsonObject { ["images"] = new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode?)Pixels(28, 28, i % 256)).ToArray()) });

    private static MultipartFormDataContent Files(params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "image/png");
            form.Add(part, "images", name);
        }
        return form;
    }

    private static MultipartFormDataContent Upload(string name, byte[] zip)
    {
        var form = new MultipartFormDataContent { { new StringContent(name), "name" } };
        var part = new ByteArrayContent(zip);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(part, "file", "set.zip");
        return form;
    }

    internal static string Describe(int status) => status == HostileCase.AnyClientError ? "any 4xx" : status.ToString(CultureInfo.InvariantCulture);
}
