using Ratchet.Revisions;

namespace Ratchet.Sources.Layouts;

/// <summary>
/// One way of keeping migrations in a folder: Ratchet's own, or another tool's, read in place with that tool's own
/// ordering and parent rules. A layout without parents is a linear chain in id order.
/// </summary>
public abstract class MigrationLayout
{
    /// <summary>The name used by <c>--layout</c> and in messages.</summary>
    public abstract string Name { get; }

    /// <summary>The files (or folders) of the layout in the folder, relative to it; empty when it holds none.</summary>
    public abstract IReadOnlyList<string> Claims(string directory);

    /// <summary>
    /// Whether everything the layout claims is a <c>.sql</c> file at the folder's top level, so a folder whose every such
    /// file has a Ratchet header cannot hold it (detection then reads no file a second time).
    /// </summary>
    public virtual bool ClaimsOnlyTopLevelSqlFiles => true;

    /// <summary>Reads the revisions; <paramref name="display"/> is the folder as the user named it (for messages).</summary>
    /// <exception cref="MigrationFileException">A file is not valid in this layout.</exception>
    public abstract IReadOnlyList<Revision> Read(string directory, string display);

    /// <summary>A message from a file name's words: <c>create_accounts</c> becomes <c>create accounts</c>.</summary>
    protected static string Words(string name) => name.Replace('_', ' ').Replace('-', ' ').Trim();

    /// <summary>A script from SQL text: statements split by Ratchet's lexer.</summary>
    protected static SqlScript Script(string text, string file, int firstLine = 1)
    {
        var tokens = SqlLexer.Tokenize(text, file, firstLine);
        return Script(SqlStatementSplitter.Split(text, tokens, 0, tokens.Count));
    }

    /// <summary>
    /// A script from statements, checksummed as each statement followed by a semicolon: the checksum a native file
    /// holding the same statements has, so <c>ratchet convert --to native</c> keeps adopted checksums valid.
    /// </summary>
    protected static SqlScript Script(IReadOnlyList<SqlStatement> statements) =>
        new(statements, History.Checksum.OfSql(Native(statements)));

    /// <summary>The statements as a native section writes them: each followed by a semicolon.</summary>
    public static string Native(IReadOnlyList<SqlStatement> statements) =>
        string.Concat(statements.Select(s => s.Sql.TrimEnd() + ";\n\n")).TrimEnd() + (statements.Count > 0 ? "\n" : "");
}
