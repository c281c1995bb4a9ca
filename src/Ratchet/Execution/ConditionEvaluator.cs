using System.Data.Common;
using System.Globalization;
using Ratchet.Revisions;
using Ratchet.Sources;

namespace Ratchet.Execution;

/// <summary>Runs <c>check</c> and <c>verify</c> queries: each must return no rows, or rows whose first column is true.</summary>
internal static class ConditionEvaluator
{
    public static async Task RequireAsync(DbConnection connection, DbTransaction? transaction, PlanStep step, string section,
        IReadOnlyList<SqlStatement> queries, Func<Exception, SqlStatement, Exception> onError, CancellationToken cancellationToken)
    {
        foreach (var query in queries)
        {
            string? failure;
            try
            {
                failure = await FirstFailureAsync(connection, transaction, query.Sql, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException e)
            {
                throw onError(e, query);
            }

            if (failure is not null)
            {
                throw new CheckFailedException(step, section, new SourceLocation(step.Revision.Source.File, query.Line), failure);
            }
        }
    }

    private static async Task<string?> FirstFailureAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = Engines.DbConnectionExtensions.Command(connection, sql, transaction);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var value = reader.IsDBNull(0) ? null : reader.GetValue(0);
            if (!IsTrue(value))
            {
                return value is null ? "NULL" : $"'{Convert.ToString(value, CultureInfo.InvariantCulture)}'";
            }
        }

        return null;
    }

    private static bool IsTrue(object? value) => value switch
    {
        bool b => b,
        long or int or short or byte or decimal or double or float => Convert.ToDouble(value, CultureInfo.InvariantCulture) != 0,
        string s => s.Trim().ToUpperInvariant() is "T" or "TRUE" or "1" or "Y" or "YES",
        _ => false,
    };
}
