using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace TrainingService.Api.Tests.Hostile;

/// <summary>
/// A pass generated from the Api's own OpenAPI document: every operation gets wrong types, nulls, huge numbers,
/// NaN and Infinity, control characters and oversized bodies in each parameter and body field, and none of it
/// may be answered with a 5xx. New endpoints join the pass by being in the document.
/// </summary>
public sealed class OpenApiHostilePassTests(HostileApiFixture fixture, ITestOutputHelper output) : IClassFixture<HostileApiFixture>
{
    private static readonly string[] HostileScalars =
    [
        "abc", "-1", "0", "2147483648", "99999999999999999999", "1e308", "-1e308", "NaN", "Infinity", "-Infinity",
        "%00", "%1B%5B31m", "%0A", "..%2F..%2Fetc%2Fpasswd", "", new string('9', 5000),
    ];

    private static readonly JsonNode?[] HostileValues =
    [
        null, "x\u0000y", "\u001b[31m", 1e308, -1e308, "NaN", "Infinity", "-Infinity", true, new JsonArray(), new JsonObject(),
        2147483648L, -2147483649L, "", new string('x', 100_000),
    ];

    [Fact]
    public async Task Every_operation_in_the_OpenAPI_document_answers_hostile_values_in_every_parameter_and_field_without_a_5xx()
    {
        var client = fixture.Api.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var failures = new List<(string Operation, string Request)>();
        var sent = new Dictionary<string, int>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            var method = new HttpMethod(operation.Name.ToUpperInvariant());
            var key = $"{method} {path.Name}";
            sent[key] = 0;
            foreach (var (url, body) in Variants(document, path.Name, operation.Value))
            {
                using var request = HostileRequests.Create(method, url, body?.Invoke());
                using var response = await client.SendAsync(request);
                sent[key]++;
                if ((int)response.StatusCode >= 500)
                {
                    var text = await response.Content.ReadAsStringAsync();
                    failures.Add((key, $"{method} {url} [{Describe(request.Content)}] -> {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}"));
                }
            }
        }

        foreach (var (operation, count) in sent) output.WriteLine($"{count,5} requests  {operation}");
        Assert.True(sent.Count >= 15, $"the document lists {sent.Count} operations");
        Assert.All(sent, entry => Assert.True(entry.Value >= 5, $"{entry.Key} got {entry.Value} requests"));
        var report = failures.GroupBy(f => f.Operation)
            .Select(g => $"{g.Key}: {g.Count()} answered 5xx, for example\n  {string.Join("\n  ", g.Take(3).Select(f => f.Request))}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent.Values.Sum()} requests answered 5xx:\n{string.Join('\n', report)}");
    }

    private IEnumerable<(string Url, Func<HttpContent?>? Body)> Variants(JsonElement document, string template, JsonElement operation)
    {
        var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
        var pathNames = parameters.Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()!).ToList();
        var queryNames = parameters.Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList();
        var valid = pathNames.ToDictionary(name => name, name => ValidPathValue(template, name));
        string Url(IReadOnlyDictionary<string, string> values, string query = "") =>
            values.Aggregate(template, (url, value) => url.Replace("{" + value.Key + "}", value.Value, StringComparison.Ordinal)) + query;
        var validBody = ValidBody(document, template, operation);

        yield return (Url(valid), validBody);
        foreach (var junk in new[] { "?unknown=%00", "?%00=1", "?" + new string('a', 10_000) + "=1", "?a=1&a=2&a=%FF" })
        {
            yield return (Url(valid, junk), validBody);
        }
        yield return (Url(valid), () => new StringContent("{", Encoding.UTF8, "application/json"));
        yield return (Url(valid), () => new StringContent("\u0000", Encoding.UTF8, "text/plain"));
        foreach (var name in pathNames)
        foreach (var value in HostileScalars.Where(v => v.Length > 0).Append(Guid.NewGuid().ToString()))
        {
            yield return (Url(new Dictionary<string, string>(valid) { [name] = value }), validBody);
        }
        foreach (var name in queryNames)
        foreach (var value in HostileScalars)
        {
            yield return (Url(valid, $"?{name}={value}"), validBody);
            yield return (Url(valid, $"?{name}={value}&{name}=1"), validBody);
        }

        if (!operation.TryGetProperty("requestBody", out var requestBody)) yield break;
        var content = requestBody.GetProperty("content");
        if (content.TryGetProperty("application/json", out var json))
        {
            foreach (var raw in new[] { "null", "[]", "\"x\"", "1e308", "{}", "true", "{", "{\"a\":", new string('[', 5000) })
            {
                yield return (Url(valid), () => new StringContent(raw, Encoding.UTF8, "application/json"));
            }
            var baseline = BaselineJson(template);
            foreach (var field in FieldPaths(document, json.GetProperty("schema"), "", 0))
            foreach (var value in HostileValues)
            {
                var mutated = Set(baseline.DeepClone().AsObject(), field, value);
                yield return (Url(valid), () => new StringContent(mutated, Encoding.UTF8, "application/json"));
            }
            yield return (Url(valid), () => Oversized("application/json"));
            yield return (Url(valid), () => new StringContent(baseline.ToJsonString(), Encoding.UTF8, "text/plain"));
        }
        if (content.TryGetProperty("multipart/form-data", out var form))
        {
            var fields = FieldPaths(document, form.GetProperty("schema"), "", 2).Append("images").Append("unknown").Distinct().ToList();
            yield return (Url(valid), () => new MultipartFormDataContent());
            foreach (var field in fields)
            foreach (var value in HostileScalars.Take(12))
            {
                yield return (Url(valid), () => new MultipartFormDataContent { { new StringContent(Uri.UnescapeDataString(value)), field } });
                yield return (Url(valid), () => new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(value)), field, "../../f.png" } });
            }
            yield return (Url(valid), () => Oversized("multipart/form-data; boundary=xyz"));
            yield return (Url(valid), () => WithType(new StringContent("--xyz\r\nContent-Disposition: form-data\r\n\r\nx"), "multipart/form-data; boundary=xyz"));
        }
    }

    private string ValidPathValue(string template, string name)
    {
        var segments = template.Split('/');
        var index = Array.IndexOf(segments, "{" + name + "}");
        return index > 0 && segments[index - 1] == "models" ? "lenet5"
            : index > 0 && segments[index - 1] == "checkpoints" ? "best"
            : name == "id" && segments.Contains("datasets") ? Guid.NewGuid().ToString()
            : fixture.JobId.ToString();
    }

    private static Func<HttpContent?>? ValidBody(JsonElement document, string template, JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out _)
            ? () => new StringContent(BaselineJson(template).ToJsonString(), Encoding.UTF8, "application/json")
            : null;

    private static JsonObject BaselineJson(string template) => template switch
    {
        "/api/jobs" or "/api/jobs/validate" => JobSpecs.Valid(),
        "/api/models/summary" => JsonNode.Parse("""{"layers": [{"type": "Flatten"}, {"type": "Linear", "out": 10}], "inputShape": [1, 28, 28], "batch": 2}""")!.AsObject(),
        _ => JsonNode.Parse("""{"images": []}""")!.AsObject(),
    };

    /// <summary>Dotted paths of every property the schema declares, following references, with list items at index 0.</summary>
    private static IEnumerable<string> FieldPaths(JsonElement document, JsonElement schema, string prefix, int depth)
    {
        if (depth > 4) yield break;
        schema = Resolve(document, schema);
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
                yield return path;
                foreach (var nested in FieldPaths(document, property.Value, path, depth + 1)) yield return nested;
            }
        }
        if (schema.TryGetProperty("items", out var items))
        {
            foreach (var nested in FieldPaths(document, items, $"{prefix}[0]", depth + 1)) yield return nested;
        }
        foreach (var combinator in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (!schema.TryGetProperty(combinator, out var options)) continue;
            foreach (var option in options.EnumerateArray())
            foreach (var nested in FieldPaths(document, option, prefix, depth + 1)) yield return nested;
        }
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            var node = document;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/')) node = node.GetProperty(part);
            schema = node;
        }
        return schema;
    }

    private static string Set(JsonObject body, string path, JsonNode? value)
    {
        JsonNode node = body;
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
        {
            node = Child(node, part);
        }
        var last = parts[^1];
        if (last.EndsWith("[0]", StringComparison.Ordinal))
        {
            var list = Child(node, last[..^3], asList: true).AsArray();
            if (list.Count == 0) list.Add(value?.DeepClone());
            else list[0] = value?.DeepClone();
        }
        else if (node is JsonObject parent) parent[last] = value?.DeepClone();
        return body.ToJsonString();
    }

    private static JsonNode Child(JsonNode node, string part, bool asList = false)
    {
        var isItem = part.EndsWith("[0]", StringComparison.Ordinal);
        var name = isItem ? part[..^3] : part;
        var parent = node.AsObject();
        if (isItem)
        {
            if (parent[name] is not JsonArray list) parent[name] = list = [];
            if (list.Count == 0 || list[0] is not JsonObject) { list.Clear(); list.Add(new JsonObject()); }
            return list[0]!;
        }
        if (asList)
        {
            if (parent[name] is not JsonArray list) parent[name] = list = [];
            return list;
        }
        if (parent[name] is not JsonObject child) parent[name] = child = [];
        return child;
    }

    private static HttpContent Oversized(string mediaType) => WithType(new ByteArrayContent(new byte[31_000_000]), mediaType);

    private static HttpContent WithType(HttpContent content, string mediaType)
    {
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    private static string Describe(HttpContent? content) =>
        content is null ? "no body" : $"{content.Headers.ContentType} {content.Headers.ContentLength} bytes";
}
