namespace Ratchet.Knowledge;

/// <summary>How a revision ships, derived from its operations and its lint findings.</summary>
public enum MigrationStrategy
{
    /// <summary>Only additions that running app versions do not notice: safe while the app runs.</summary>
    AddOnly,

    /// <summary>An online migration in phases (start, complete) with both representations kept in step.</summary>
    ExpandContract,

    /// <summary>One phase of a change split so no phase blocks: NOT VALID then VALIDATE, an index built concurrently then attached.</summary>
    MultiPhase,

    /// <summary>Drops data: tables, columns, rows.</summary>
    Destructive,

    /// <summary>Changes rows (UPDATE, INSERT, DELETE of some rows).</summary>
    DataMigration,

    /// <summary>A schema change in place that locks or rewrites (see its risks).</summary>
    InPlace,
}
