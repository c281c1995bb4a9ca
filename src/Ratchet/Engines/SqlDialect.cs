using System.Text;
using Ratchet.Operations;
using Ratchet.Revisions;

namespace Ratchet.Engines;

/// <summary>
/// The SQL spelling of one engine: identifier quoting (the one place it is done), string literals for offline
/// scripts, and the DDL of Ratchet's own history tables.
/// </summary>
public abstract partial class SqlDialect
{
    /// <summary>The dialect's name, for messages.</summary>
    public abstract string Name { get; }

    /// <summary>The statement that opens a transaction in an offline script.</summary>
    public virtual string BeginTransaction => "BEGIN";

    /// <summary>The statement that commits a transaction in an offline script.</summary>
    public virtual string CommitTransaction => "COMMIT";

    /// <summary>
    /// An SQL expression for the milliseconds since the current transaction began, when the engine has one (it lets
    /// a revision's history row go in the same batch as its statements and still record how long they took).
    /// </summary>
    public virtual string? TransactionElapsedMilliseconds => null;

    /// <summary>A query with parameters <c>@schema</c> and <c>@table</c> that returns a row when the table exists.</summary>
    public abstract string TableExistsQuery { get; }

    /// <summary>Quotes an identifier, doubling any quote character inside it.</summary>
    public virtual string QuoteIdentifier(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Quotes a possibly schema-qualified name.</summary>
    public string Qualify(string? schema, string name) =>
        schema is null ? QuoteIdentifier(name) : QuoteIdentifier(schema) + "." + QuoteIdentifier(name);

    /// <summary>A string literal, for offline scripts only; live runs pass values as parameters.</summary>
    public virtual string StringLiteral(string? value)
    {
        if (value is null)
        {
            return "NULL";
        }

        var builder = new StringBuilder(value.Length + 2).Append('\'');
        builder.Append(value.Replace("'", "''", StringComparison.Ordinal));
        return builder.Append('\'').ToString();
    }

    /// <summary>
    /// The statements for one typed operation. Each dialect switches over every operation type and ends with an
    /// error, never with empty SQL.
    /// </summary>
    /// <exception cref="NotSupportedException">The engine cannot do this operation; the message says what to do instead.</exception>
    public abstract IReadOnlyList<SqlStatement> Generate(MigrationOperation operation, EnumCatalog enums);

    /// <summary>The spelling of true and false (PostgreSQL <c>true</c>, SQLite <c>1</c>).</summary>
    public abstract string BooleanLiteral(bool value);

    /// <summary>
    /// A literal value in DDL (a column default), where parameters cannot go: numbers as they are, booleans in the
    /// dialect's spelling, and text, dates, times, UUIDs and enum members as quoted strings (ISO 8601 for times).
    /// </summary>
    /// <exception cref="NotSupportedException">The value has no SQL spelling.</exception>
    public string Literal(object value) => value switch
    {
        string s => StringLiteral(s),
        bool b => BooleanLiteral(b),
        byte or sbyte or short or ushort or int or uint or long or ulong or decimal or double or float =>
            ((IFormattable)value).ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        DateTime d => StringLiteral(d.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
        DateTimeOffset d => StringLiteral(d.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
        DateOnly d => StringLiteral(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        TimeOnly t => StringLiteral(t.ToString("HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture)),
        Guid g => StringLiteral(g.ToString("D")),
        Enum e => StringLiteral(e.ToString()),
        char c => StringLiteral(c.ToString()),
        _ => throw new NotSupportedException($"a default of type {value.GetType().Name} has no SQL spelling; use Sql.Raw(\"...\")"),
    };

    /// <summary>
    /// Index or constraint columns: each name quoted, except an entry in parentheses, which is an expression kept as
    /// written (<c>"(lower(email))"</c>).
    /// </summary>
    public string ColumnList(IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return string.Join(", ", columns.Select(c => c.StartsWith('(') ? c
            : ColumnWithOrder().Match(c) is { Success: true } m ? $"{QuoteIdentifier(m.Groups[1].Value)} {m.Groups[2].Value}"
            : QuoteIdentifier(c)));
    }

    /// <summary>DROP TRIGGER for a trigger on <paramref name="table"/>.</summary>
    public virtual string DropTrigger(string name, string table) => $"DROP TRIGGER {QuoteIdentifier(name)}";

    /// <summary>
    /// The statement that sets the per-statement lock timeout for the rest of the transaction (<paramref name="local"/>)
    /// or the session, for a revision that sets its own (<c>-- ratchet:lock-timeout</c>); null where the engine has none.
    /// </summary>
    public virtual string? LockTimeoutStatement(TimeSpan timeout, bool local) => null;

    /// <summary>
    /// A column's value as text, for data fingerprints: the same value gives the same text before and after a lossless
    /// type change (PostgreSQL <c>c::text</c>).
    /// </summary>
    public abstract string ValueAsText(string quotedColumn);

    /// <summary>A text parameter converted to a column's type, for generated sample rows (PostgreSQL <c>CAST(@p AS type)</c>).</summary>
    public abstract string ParameterAs(string parameter, string type);

    /// <summary>The statement that creates the schema-snapshot table (drift detection) if it is missing.</summary>
    public abstract string CreateSnapshotTable(HistoryTableNames names);

    /// <summary>The statements that create the history tables if they are missing.</summary>
    public abstract IReadOnlyList<string> CreateHistoryTables(HistoryTableNames names);

    /// <summary>An index column with its collation or order: <c>created_at DESC</c>, <c>name COLLATE NOCASE</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(\S+)\s+((?:COLLATE\s+\S+)(?:\s+(?:ASC|DESC))?|ASC|DESC)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ColumnWithOrder();
}
