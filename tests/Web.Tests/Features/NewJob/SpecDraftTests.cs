using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrainingService.Web.Features.NewJob;
using TrainingService.Web.Features.Shared;

namespace TrainingService.Web.Tests.Features.NewJob;

public sealed class SpecDraftTests
{
    [Fact]
    public void Setting_a_field_creates_its_parents_and_clearing_it_removes_the_parents_it_emptied()
    {
        var draft = SpecDraft.From(new JsonObject { ["dataset"] = new JsonObject { ["name"] = "mnist" } });

        draft.Set("dataset.transforms.resize", new JsonArray(64, 64));
        Assert.Equal("""{"dataset":{"name":"mnist","transforms":{"resize":[64,64]}}}""", draft.ToJson());

        draft.Set("dataset.transforms.resize", null);
        Assert.Equal("""{"dataset":{"name":"mnist"}}""", draft.ToJson());
        Assert.Equal(2, draft.Version);
    }

    [Fact]
    public void A_stored_spec_loses_its_nulls_keeps_what_the_form_does_not_know_and_is_named_again()
    {
        var stored = JsonDocument.Parse("""{"name": "lenet", "model": {"name": "lenet5", "custom": null}, "futureField": {"nested": true}}""").RootElement;

        var draft = SpecDraft.FromStoredSpec(stored, " (again)");

        Assert.Equal("""{"name":"lenet (again)","model":{"name":"lenet5"},"futureField":{"nested":true}}""", draft.ToJson());
        Assert.Equal(0, draft.Version);
    }

    [Fact]
    public void Rows_are_added_moved_and_removed_by_index()
    {
        var draft = SpecDraft.From([]);

        draft.AddRow("model.custom", new JsonObject { ["type"] = "Flatten" });
        draft.AddRow("model.custom", new JsonObject { ["type"] = "Linear", ["out"] = 10 });
        draft.MoveRow("model.custom", 1, -1);
        Assert.Equal("10", draft.Text("model.custom[0].out"));
        draft.Set("model.custom[1].type", JsonValue.Create("ReLU"));
        Assert.Equal("ReLU", draft.Text("model.custom[1].type"));

        draft.RemoveRow("model.custom", 0);
        draft.RemoveRow("model.custom", 0);
        Assert.Equal("{}", draft.ToJson());
    }

    [Theory]
    [InlineData("64", FieldKind.Integer, "64")]
    [InlineData(" 0.05 ", FieldKind.Number, "0.05")]
    [InlineData("1e-3", FieldKind.Number, "0.001")]
    [InlineData("0.1.2", FieldKind.Number, "\"0.1.2\"")]
    [InlineData("12.5", FieldKind.Integer, "\"12.5\"")]
    [InlineData("224, 224", FieldKind.IntegerList, "[224,224]")]
    [InlineData("224x224", FieldKind.IntegerList, "[224,224]")]
    [InlineData("0.5, x", FieldKind.NumberList, "\"0.5, x\"")]
    [InlineData("true", FieldKind.Flag, "true")]
    [InlineData("sgd", FieldKind.Choice, "\"sgd\"")]
    public void Typed_text_becomes_the_json_value_of_its_field_or_stays_text_for_the_api_to_refuse(string text, FieldKind kind, string json)
    {
        Assert.Equal(json, SpecValue.Parse(text, kind)!.ToJsonString());
    }

    [Fact]
    public void Empty_text_leaves_the_field_out() => Assert.Null(SpecValue.Parse("  ", FieldKind.Number));

    [Fact]
    public void The_curl_command_quotes_the_json_so_a_shell_passes_it_on_unchanged()
    {
        var json = """{"name":"Bob's \"best\" run $HOME `id`","hyperparameters":{"epochs":1}}""";

        var curl = CurlCommand.Post(new Uri(new Uri("https://training.example.com/prefix/"), "api/jobs"), json);

        Assert.StartsWith("curl -s -X POST 'https://training.example.com/prefix/api/jobs' \\\n", curl, StringComparison.Ordinal);
        Assert.Contains("-H \"Authorization: Bearer $KEY\"", curl, StringComparison.Ordinal);
        var data = curl[(curl.IndexOf("-d ", StringComparison.Ordinal) + 3)..];
        Assert.Equal(json, Shell($"printf '%s' {data}"));
    }

    private static string Shell(string command)
    {
        using var shell = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", command]) { RedirectStandardOutput = true })!;
        var output = shell.StandardOutput.ReadToEnd();
        shell.WaitForExit();
        return output;
    }
}
