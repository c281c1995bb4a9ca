namespace Ratchet.Verification.SampleData;

/// <summary>
/// What a column's values must look like, as far as its CHECK constraints and the revisions' check sections say:
/// a list of allowed values, bounds, a LIKE pattern, a maximum length.
/// </summary>
public sealed record ValueDomain
{
    /// <summary>Allowed values (<c>status IN ('N', 'S')</c>), as text.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>The lowest allowed number.</summary>
    public decimal? Min { get; init; }

    /// <summary>The highest allowed number.</summary>
    public decimal? Max { get; init; }

    /// <summary>A LIKE pattern values must match (<c>'%@%'</c>).</summary>
    public string? Like { get; init; }

    /// <summary>The longest allowed text (<c>length(code) &lt;= 3</c>).</summary>
    public int? MaxLength { get; init; }

    /// <summary>The shortest allowed text (<c>length(name) &gt; 0</c>, <c>name &lt;&gt; ''</c>).</summary>
    public int? MinLength { get; init; }

    /// <summary>Both domains at once; the allowed values of <paramref name="other"/> win when both list some.</summary>
    public ValueDomain Merge(ValueDomain other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ValueDomain
        {
            Values = other.Values.Count > 0 ? other.Values : Values,
            Min = Max2(Min, other.Min),
            Max = Min2(Max, other.Max),
            Like = other.Like ?? Like,
            MaxLength = Min2(MaxLength, other.MaxLength),
            MinLength = Max2(MinLength, other.MinLength),
        };
    }

    private static T? Max2<T>(T? a, T? b)
        where T : struct, IComparable<T> => a is null ? b : b is null ? a : a.Value.CompareTo(b.Value) >= 0 ? a : b;

    private static T? Min2<T>(T? a, T? b)
        where T : struct, IComparable<T> => a is null ? b : b is null ? a : a.Value.CompareTo(b.Value) <= 0 ? a : b;
}
