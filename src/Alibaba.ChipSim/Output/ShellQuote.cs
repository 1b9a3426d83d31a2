namespace Alibaba.ChipSim.Output;

/// <summary>Quotes a word for a POSIX shell, so that a command line shown to be copied runs what it says.</summary>
public static class ShellQuote
{
    /// <summary>The word as is when it holds only safe characters, else in single quotes (a quote inside as <c>'\''</c>).</summary>
    public static string Word(string word)
    {
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ',' or ':' or '=' or '+' or '@'))
            return word;
        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
