using System.Data.Common;

namespace Ratchet.Engines;

/// <summary>Running SQL with parameters. Values are always parameters, never spliced into the text.</summary>
public static class DbConnectionExtensions
{
    /// <summary>Creates a command; <paramref name="timeoutSeconds"/> 0 means no client-side timeout.</summary>
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null,
        int timeoutSeconds = 0, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(parameters);
#pragma warning disable CA2100 // The text is Ratchet's own SQL or the user's migration; values are parameters.
        var command = connection.CreateCommand();
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        command.CommandTimeout = timeoutSeconds;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Runs a statement and returns the number of rows it changed.</summary>
    public static async Task<int> ExecuteAsync(this DbConnection connection, string sql, DbTransaction? transaction,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(sql, transaction, 0, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a query and returns the first column of the first row, or null.</summary>
    public static async Task<object?> ScalarAsync(this DbConnection connection, string sql, DbTransaction? transaction,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(sql, transaction, 0, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }
}
