using System.Data.Common;
using Ratchet.Engines;
using Ratchet.Sources;

namespace Ratchet.Schema;

/// <summary>A schema written as SQL, read back through the engine: the statements run on a scratch database, so the engine itself parses them.</summary>
public static class ScratchSchema
{
    /// <summary>Runs <paramref name="sql"/> on <paramref name="scratch"/> statement by statement and reads the schema it leaves.</summary>
    /// <param name="scratch">An empty scratch database.</param>
    /// <param name="sql">The desired schema's DDL.</param>
    /// <param name="path">Where the SQL comes from, as shown in errors (<c>schema.sql:12</c>).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="RatchetException">A statement fails: bad input naming the file and line.</exception>
    public static async Task<SchemaModel> ApplyAsync(ScratchDatabase scratch, string sql, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        ArgumentNullException.ThrowIfNull(sql);
        var engine = scratch.Engine;
        using var connection = await engine.OpenAsync(createIfMissing: true, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("the scratch database did not open");
        var statements = SqlStatementSplitter.Split(sql, path);
        if (statements.Count == 0)
        {
            throw new RatchetException(RatchetErrorKind.BadInput, $"{path} holds no SQL statement");
        }

        foreach (var statement in statements)
        {
            try
            {
                await engine.ExecuteStatementAsync(connection, null, statement.Sql, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException e)
            {
                throw new RatchetException(RatchetErrorKind.BadInput, $"{path}:{statement.Line}: {engine.DescribeError(e)}", e)
                {
                    Hints = ["the desired schema runs on an empty scratch database, so it must create everything it uses, in order"],
                };
            }
        }

        return await engine.ReadSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
    }
}
