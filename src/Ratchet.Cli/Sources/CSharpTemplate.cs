using System.Text;
using Ratchet.Sources;

namespace Ratchet.Cli.Sources;

/// <summary>The skeleton <c>ratchet new --cs</c> writes.</summary>
internal static class CSharpTemplate
{
    public static string FileName(string id, string message) => $"{id}{SqlFileSource.Separator}{SqlMigrationFileWriter.Slug(message)}.cs";

    /// <summary>A class name that is unique per revision: <c>M20260203_001_AddUserRoles</c>.</summary>
    public static string ClassName(string id, string message)
    {
        var name = new StringBuilder("M");
        name.Append(id.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        name.Append('_');
        foreach (var word in SqlMigrationFileWriter.Slug(message).Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            name.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
        }

        return name.ToString();
    }

    public static string Render(string id, string message, IReadOnlyList<string> parents, IReadOnlyList<string> branchLabels,
        IReadOnlyList<string> dependsOn, bool transactional)
    {
        var attribute = new StringBuilder($"[Migration(\"{id}\", Revises = \"{(parents.Count == 0 ? "base" : string.Join(", ", parents))}\", Message = \"{Escape(message)}\"");
        if (branchLabels.Count > 0)
        {
            attribute.Append($", Branch = \"{string.Join(", ", branchLabels)}\"");
        }

        if (dependsOn.Count > 0)
        {
            attribute.Append($", DependsOn = \"{string.Join(", ", dependsOn)}\"");
        }

        if (!transactional)
        {
            attribute.Append(", Transactional = false");
        }

        attribute.Append(")]");
        return $$"""
            // Typed operations: op.CreateTable, op.AddColumn, op.AlterColumn, op.CreateIndex, op.Update, op.Sql, ...
            // Ratchet.Operations and System are imported for you.

            {{attribute}}
            public sealed class {{ClassName(id, message)}} : Migration
            {
                public override void Up(MigrationBuilder op)
                {
                }

                // Down may be left out when every operation in Up can be undone: Ratchet derives it.
                // Write it when Up drops, converts data or runs SQL without a down.
            }

            """;
    }

    private static string Escape(string text) => text.ReplaceLineEndings(" ").Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
