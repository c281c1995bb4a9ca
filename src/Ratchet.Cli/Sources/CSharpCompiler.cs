using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Ratchet.Operations;
using Ratchet.Sources;

namespace Ratchet.Cli.Sources;

/// <summary>
/// Compiles migration files with Roslyn. Kept apart from <see cref="CSharpFileSource"/> so that a run that finds
/// its assembly cached never loads the compiler.
/// </summary>
internal static class CSharpCompiler
{
    private const string GlobalUsings = "global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\nglobal using Ratchet.Operations;\n";

    public sealed record Compiled(byte[] Assembly, IReadOnlyList<(string TypeName, string File, int Line)> Types);

    /// <exception cref="MigrationFileException">A file does not compile; the message gives file:line and the compiler's words.</exception>
    public static Compiled Compile(IReadOnlyList<SourceFile> files, string assemblyName)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, options, f.Path)).ToList();
        trees.Add(CSharpSyntaxTree.ParseText(GlobalUsings, options, "ratchet-global-usings.cs"));
        var compilation = CSharpCompilation.Create(assemblyName, trees, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release));
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            var first = errors[0].Location.GetLineSpan();
            var others = errors.Skip(1).Take(4).Select(e => Describe(e, withPath: true));
            throw new MigrationFileException(new SourceLocation(first.Path, first.StartLinePosition.Line + 1),
                "does not compile: " + string.Join("; ", others.Prepend(Describe(errors[0], withPath: false))) +
                (errors.Count > 5 ? $"; and {errors.Count - 5} more error(s)" : ""));
        }

        var types = trees.SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>()
                .Select(c => (TypeName: FullName(c), File: tree.FilePath, Line: c.Identifier.GetLocation().GetLineSpan().StartLinePosition.Line + 1)))
            .ToList();
        return new Compiled(output.ToArray(), types);
    }

    private static string Describe(Diagnostic diagnostic, bool withPath)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = withPath ? $"{span.Path}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}: " : "";
        var column = withPath ? "" : $" (column {span.StartLinePosition.Character + 1})";
        return $"{where}{diagnostic.Id} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}{column}";
    }

    private static string FullName(ClassDeclarationSyntax declaration)
    {
        var names = new List<string> { declaration.Identifier.Text };
        for (var parent = declaration.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case ClassDeclarationSyntax outer:
                    names.Insert(0, outer.Identifier.Text + "+");
                    break;
                case BaseNamespaceDeclarationSyntax ns:
                    names.Insert(0, ns.Name + ".");
                    break;
            }
        }

        return string.Concat(names);
    }

    /// <summary>The framework's assemblies and Ratchet's core.</summary>
    private static List<MetadataReference> References()
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll");
        return platform.Append(typeof(Migration).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
    }
}
