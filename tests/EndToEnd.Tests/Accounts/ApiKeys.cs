using System.Text.RegularExpressions;

namespace TrainingService.EndToEnd.Tests.Accounts;

/// <summary>Finds API keys in text (a terminal's output, a log file), by the form every key has.</summary>
public static partial class ApiKeys
{
    public static IEnumerable<string> Find(string text) => Pattern().Matches(text).Select(m => m.Value);

    [GeneratedRegex("tsk_[A-Za-z0-9_-]{43}")]
    private static partial Regex Pattern();
}
