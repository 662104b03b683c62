namespace TrainingService.Core.Library;

/// <summary>Checks on text that PostgreSQL will store or compare.</summary>
public static class UnicodeText
{
    /// <summary>False for a lone surrogate, which cannot be encoded as UTF-8, the form PostgreSQL keeps text in.</summary>
    public static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }
}
