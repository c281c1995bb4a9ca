using System.CommandLine;
using System.Text.Json.Nodes;
using Ratchet.Cli.Configuration;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet init</c>: writes <c>ratchet.toml</c> and creates the migrations folder.</summary>
internal static class InitCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("init", "Write ratchet.toml and create the migrations folder");
        runner.SetAction(command, (invocation, _) =>
        {
            var parse = invocation.Parse;
            var cwd = invocation.Environment.WorkingDirectory;
            var configPath = Path.GetFullPath(parse.GetValue(runner.Options.Config) ?? ConfigLoader.FileName, cwd);
            if (File.Exists(configPath))
            {
                throw new RatchetException(RatchetErrorKind.BadInput, $"{Path.GetRelativePath(cwd, configPath)} already exists; nothing was changed");
            }

            var url = parse.GetValue(runner.Options.Url) ?? Settings.DefaultUrl;
            var dir = parse.GetValue(runner.Options.Dir) ?? Settings.DefaultDirectory;
            Ratchet.Engines.DatabaseUrl.Parse(url);
            var baseDirectory = Path.GetDirectoryName(configPath)!;
            Directory.CreateDirectory(baseDirectory);
            File.WriteAllText(configPath, Template(url, dir));
            var migrations = Path.GetFullPath(dir, baseDirectory);
            Directory.CreateDirectory(migrations);
            if (invocation.Json)
            {
                invocation.WriteJson(new JsonObject { ["config"] = configPath, ["migrations"] = migrations });
            }
            else
            {
                invocation.Line($"Wrote [bold]{Invocation.E(Path.GetRelativePath(cwd, configPath))}[/] and created [bold]{Invocation.E(Path.GetRelativePath(cwd, migrations))}/[/]");
                invocation.Line("Next: [bold]ratchet new \"create users table\"[/], edit the file, then [bold]ratchet up[/]");
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static string Template(string url, string dir) =>
        $"""
        # Ratchet configuration. --url, RATCHET_URL and DATABASE_URL override the URL; --dir overrides the folder.
        # Relative paths here are relative to this file.

        [database]
        url = "{Escape(url)}"
        # lock_timeout = "60s"

        [migrations]
        dir = "{Escape(dir)}"

        """;

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
