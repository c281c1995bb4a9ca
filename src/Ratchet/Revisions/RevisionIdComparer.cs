namespace Ratchet.Revisions;

/// <summary>
/// Orders revision ids as people read them: runs of digits by their value, so <c>2</c> comes before <c>10</c>
/// (foreign layouts such as golang-migrate number files without padding); the rest ordinally.
/// </summary>
public sealed class RevisionIdComparer : IComparer<string>
{
    /// <summary>The one instance.</summary>
    public static RevisionIdComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var (xStart, yStart) = (i, j);
                while (i < x.Length && char.IsAsciiDigit(x[i]))
                {
                    i++;
                }

                while (j < y.Length && char.IsAsciiDigit(y[j]))
                {
                    j++;
                }

                var byValue = CompareDigits(x.AsSpan(xStart, i - xStart), y.AsSpan(yStart, j - yStart));
                if (byValue != 0)
                {
                    return byValue;
                }

                continue;
            }

            var byChar = x[i].CompareTo(y[j]);
            if (byChar != 0)
            {
                return byChar;
            }

            i++;
            j++;
        }

        var byLength = (x.Length - i).CompareTo(y.Length - j);
        return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
    }

    private static int CompareDigits(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var trimmedA = a.TrimStart('0');
        var trimmedB = b.TrimStart('0');
        if (trimmedA.Length != trimmedB.Length)
        {
            return trimmedA.Length.CompareTo(trimmedB.Length);
        }

        var byDigits = trimmedA.SequenceCompareTo(trimmedB);
        return byDigits != 0 ? byDigits : a.Length.CompareTo(b.Length);
    }
}
