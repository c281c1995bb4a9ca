using System.CommandLine;
using Ratchet.Cli.Output;

namespace Ratchet.Cli;

/// <summary>Runs a command's action and turns every failure into a message and the documented exit code.</summary>
internal sealed class CommandRunner(CliEnvironment environment, GlobalOptions options)
{
    public GlobalOptions Options => options;

    public void SetAction(Command command, Func<Invocation, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            var invocation = new Invocation(environment, parse, options);
            try
            {
                return await action(invocation, cancellationToken);
            }
            catch (RatchetException e)
            {
                return Report(invocation, e);
            }
            catch (System.Data.Common.DbException e)
            {
                // Outside a migration statement (history tables, lock row): the database itself misbehaved.
                return Report(invocation, new RatchetException(RatchetErrorKind.MigrationFailed,
                    $"database error: {Engines.DatabaseUrl.Redact(e.Message)}; nothing further was run", e));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return Report(invocation, new RatchetException(RatchetErrorKind.MigrationFailed,
                    "cancelled; the running revision was rolled back (a non-transactional one resumes with `ratchet up`)"));
            }
            catch (Exception e)
            {
                return Report(invocation, new RatchetException(RatchetErrorKind.MigrationFailed,
                    $"unexpected error, which is a bug in Ratchet (please report it with this text): {e.GetType().Name}: {Engines.DatabaseUrl.Redact(e.Message)}", e));
            }
        });
    }

    private int Report(Invocation invocation, RatchetException error)
    {
        if (invocation.Json)
        {
            invocation.WriteJsonLine(JsonShapes.Error(error));
        }

        environment.Error.WriteLine($"error: {error.Message}");
        foreach (var hint in error.Hints)
        {
            environment.Error.WriteLine($"  hint: {hint}");
        }

        return (int)error.Kind;
    }
}
