using System.CommandLine;
using Ratchet.Schema;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet inspect</c>: the live database's schema as SQL, JSON, Markdown or a Mermaid ER diagram.</summary>
internal static class InspectCommand
{
    public static Command Create(CommandRunner runner)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "sql (DDL that recreates it), json (the schema model), markdown (a table per table) or mermaid (an ER diagram)",
            DefaultValueFactory = _ => "sql",
        };
        format.AcceptOnlyFromAmong("sql", "json", "markdown", "mermaid");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var command = new Command("inspect", "Show the live database's schema (Ratchet's own tables left out)") { format, output };
        runner.SetAction(command, async (invocation, cancellationToken) =>
        {
            var engine = invocation.Engine();
            var model = await new Execution.Migrator(engine, new Revisions.RevisionGraph([])).ReadSchemaAsync(cancellationToken);
            var chosen = invocation.Json ? "json" : invocation.Parse.GetValue(format)!;
            var text = chosen switch
            {
                "json" => SchemaJson.Write(model).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n",
                "markdown" => SchemaDocument.Markdown(model),
                "mermaid" => SchemaDocument.Mermaid(model),
                _ => SchemaDocument.Sql(model, engine.Dialect),
            };
            if (invocation.Parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(Path.Combine(invocation.Environment.WorkingDirectory, file), text, cancellationToken);
                invocation.Environment.Error.WriteLine($"Wrote the schema ({model.Tables.Count} tables) to {file}");
                return 0;
            }

            invocation.Environment.Out.Write(text);
            return 0;
        });
        return command;
    }
}
