using System.Globalization;

namespace TrainingService.Web.Features.Jobs;

/// <summary>
/// The <c>?page=</c> of the jobs list as typed. Anything that is not a page number shows page 1 and says why,
/// rather than failing the circuit or asking the Api for a page it must refuse.
/// </summary>
/// <param name="Number">The page to show, at least 1.</param>
/// <param name="Correction">Why the page shown is not the one asked for; <see langword="null"/> when it is.</param>
public sealed record PageRequest(int Number, string? Correction)
{
    public static PageRequest Parse(string? text, int pageSize)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(1, null);
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var page))
        {
            return new(1, $"“{text}” is not a page number; showing page 1.");
        }

        if (page < 1)
        {
            return new(1, $"Pages start at 1, so page {page} shows page 1.");
        }

        // A page whose first row lies beyond int.MaxValue is past the end of any list the Api can hold;
        // asking for the last such page still yields the job count for the past-the-end message.
        return new((int)Math.Min(page, int.MaxValue / pageSize), null) { Requested = page };
    }

    /// <summary>The page number as asked for, which may exceed <see cref="Number"/> when it was too large to ask for.</summary>
    public long Requested { get; init; } = Number;
}
