using Ratchet.Operations;

namespace Ratchet.Safety.Parsing;

/// <summary>
/// One thing a statement does, where it stands in the file: a typed operation (the same ones C# migrations use), or a
/// fact about the statement that no operation describes (TRUNCATE, SET, BEGIN, a whole-table UPDATE). A closed
/// hierarchy: lint rules switch over it.
/// </summary>
public abstract record StatementPart
{
    private protected StatementPart()
    {
    }

    /// <summary>The 1-based line in the migration file.</summary>
    public int Line { get; init; }

    /// <summary>The 1-based column on that line.</summary>
    public int Column { get; init; }
}

/// <summary>A typed schema operation.</summary>
public sealed record OperationPart(MigrationOperation Operation) : StatementPart
{
    /// <summary>The columns as written (for CREATE TABLE and ADD COLUMN): what the operation's column definitions leave out.</summary>
    public IReadOnlyList<ParsedColumn> Columns { get; init; } = [];

    /// <summary>The operation was written with IF EXISTS / IF NOT EXISTS (safe to run twice).</summary>
    public bool Idempotent { get; init; }

    /// <summary>Names the statement leaves to the engine (an unnamed index or constraint), for which the parser stands in.</summary>
    public IReadOnlyList<string> MadeUpNames { get; init; } = [];

    /// <summary>The index a constraint is added with (<c>ADD CONSTRAINT ... UNIQUE USING INDEX idx</c>).</summary>
    public string? UsingIndex { get; init; }
}

/// <summary>TRUNCATE.</summary>
public sealed record TruncatePart(IReadOnlyList<string> Tables, bool Cascade) : StatementPart;

/// <summary>SET [LOCAL] name = value, or RESET name (value null).</summary>
public sealed record SettingPart(string Name, string? Value, bool Local) : StatementPart;

/// <summary>BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK (savepoints are not transaction control).</summary>
public sealed record TransactionPart(string Verb) : StatementPart;

/// <summary>REINDEX, VACUUM, CLUSTER, ALTER TABLE ... DETACH PARTITION: maintenance that may lock or rewrite.</summary>
public sealed record MaintenancePart(string Verb, string? Target, bool Concurrently, bool Full) : StatementPart;

/// <summary>UPDATE, DELETE or INSERT on a table.</summary>
public sealed record RowsPart(string Verb, string Table, bool HasWhere) : StatementPart;

/// <summary>DROP of an object other than a table, index, constraint or enum: SCHEMA, DATABASE, VIEW, SEQUENCE, ...</summary>
public sealed record DropObjectPart(string Kind, string Name, bool Cascade, bool IfExists) : StatementPart;

/// <summary>ALTER SCHEMA / INDEX / VIEW / SEQUENCE ... RENAME TO.</summary>
public sealed record RenameObjectPart(string Kind, string Name, string NewName) : StatementPart;

/// <summary>CREATE DOMAIN with a CHECK, or ALTER DOMAIN ... ADD CONSTRAINT.</summary>
public sealed record DomainConstraintPart(string Domain, bool Creating, bool NotValid) : StatementPart;

/// <summary>ALTER TYPE ... RENAME VALUE (enum values added go as <see cref="AddEnumValueOperation"/>).</summary>
public sealed record EnumValueRenamePart(string Enum, string Value, string NewValue) : StatementPart;

/// <summary>An enum value added AFTER another (<see cref="AddEnumValueOperation.Before"/> covers BEFORE).</summary>
public sealed record EnumValueAfterPart(string Enum, string Value, string After) : StatementPart;

/// <summary>PRAGMA name [= value] (SQLite).</summary>
public sealed record PragmaPart(string Name, string? Value) : StatementPart;

/// <summary>MySQL's ALTER TABLE ... ALGORITHM= / LOCK= clauses.</summary>
public sealed record TableAlgorithmPart(string Table, string? Algorithm, string? Lock) : StatementPart;

/// <summary>CREATE TABLE ... AS SELECT, or another statement that creates a table whose columns the parser does not know.</summary>
public sealed record CreatedTablePart(string Table) : StatementPart;

/// <summary>A statement the parser recognizes and that holds no hazard it knows of (CREATE VIEW, COMMENT, GRANT, SELECT, ...).</summary>
public sealed record OtherPart(string Verb) : StatementPart;

/// <summary>A statement, or a part of one, the parser could not read.</summary>
public sealed record UnreadablePart(string Reason) : StatementPart;
