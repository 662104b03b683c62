using System.Globalization;

namespace TrainingService.Web.Features.NewJob;

/// <summary>The Api's field names: dotted members with list indices, as in <c>model.custom[2].out</c> or <c>dataset.transforms.mean[0]</c>.</summary>
public static class SpecPath
{
    /// <summary>A member name or a list index.</summary>
    public sealed record Step(string? Name, int? Index);

    public static IReadOnlyList<Step> Parse(string path)
    {
        var steps = new List<Step>();
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length > 0)
            {
                steps.Add(new Step(name, null));
            }

            while (bracket >= 0)
            {
                var close = part.IndexOf(']', bracket);
                if (close < 0 || !int.TryParse(part.AsSpan(bracket + 1, close - bracket - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    break;
                }

                steps.Add(new Step(null, index));
                bracket = part.IndexOf('[', close);
            }
        }

        return steps;
    }


    public static string Item(string list, int index) => $"{list}[{index.ToString(CultureInfo.InvariantCulture)}]";
}
