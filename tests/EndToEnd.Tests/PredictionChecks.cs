using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkiaSharp;
using TrainingService.Core.Datasets;
using TrainingService.Tests.Shared;

namespace TrainingService.EndToEnd.Tests;

/// <summary>Classifies the first MNIST test digit as a PNG file and as a JSON pixel array; both must give the same answer.</summary>
internal static class PredictionChecks
{
    public static async Task AssertFileAndPixelPredictionsAgreeAsync(HttpClient http, Guid jobId)
    {
        await using var file = File.OpenRead(Path.Combine(RepositoryPaths.DatasetRoot, "mnist", "t10k-images-idx3-ubyte"));
        var digits = IdxFile.ReadImages(file, "t10k-images-idx3-ubyte");
        var pixels = digits.Pixels.AsSpan(0, 28 * 28).ToArray();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Png(pixels)), "images", "digit.png" } };
        var fromFile = await http.PostAsync($"/api/jobs/{jobId}/predict?topK=3", form);
        var rows = Enumerable.Range(0, 28).Select(r => pixels.Skip(r * 28).Take(28).Select(p => (int)p).ToArray()).ToArray();
        var fromPixels = await http.PostAsJsonAsync($"/api/jobs/{jobId}/predict?topK=3", new { images = new[] { rows } });

        Assert.Equal(HttpStatusCode.OK, fromFile.StatusCode);
        var uploaded = (await fromFile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions")[0];
        var array = (await fromPixels.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions")[0];
        Assert.Equal("digit.png", uploaded.GetProperty("name").GetString());
        var top = uploaded.GetProperty("top");
        Assert.Equal(3, top.GetArrayLength());
        Assert.Equal(top[0].GetProperty("className").GetString(), array.GetProperty("top")[0].GetProperty("className").GetString());
        Assert.Equal(top[0].GetProperty("probability").GetDouble(), array.GetProperty("top")[0].GetProperty("probability").GetDouble(), 6);
        Assert.True(top[0].GetProperty("probability").GetDouble() >= top[1].GetProperty("probability").GetDouble());
        var bad = await http.PostAsync($"/api/jobs/{jobId}/predict", new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "images", "x.png" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private static byte[] Png(byte[] grey)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(28, 28, SKColorType.Gray8, SKAlphaType.Opaque));
        System.Runtime.InteropServices.Marshal.Copy(grey, 0, bitmap.GetPixels(), grey.Length);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }
}
