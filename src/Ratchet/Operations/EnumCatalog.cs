namespace Ratchet.Operations;

/// <summary>
/// The enum types the C# migrations of a project create, with their values. SQLite has no enum types; a column of
/// one becomes text with a CHECK, for which the generator needs the values.
/// </summary>
public sealed class EnumCatalog
{
    private readonly Dictionary<string, IReadOnlyList<string>> _values = new(StringComparer.Ordinal);

    /// <summary>Records the values of <paramref name="name"/> (the last definition wins).</summary>
    public void Define(string name, IReadOnlyList<string> values) => _values[name] = values;

    /// <summary>The values of an enum type, from the type itself or from a migration that creates it.</summary>
    /// <exception cref="NotSupportedException">Nothing says what the values are.</exception>
    public IReadOnlyList<string> ValuesOf(SqlType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.EnumValues.Count > 0)
        {
            return type.EnumValues;
        }

        return _values.TryGetValue(type.Name!, out var values)
            ? values
            : throw new NotSupportedException(
                $"enum type '{type.Name}' is not created by any C# migration; give its values (SqlType.Enum(\"{type.Name}\", \"a\", \"b\")) " +
                "so that engines without enum types can check them");
    }
}
