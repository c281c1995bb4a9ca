namespace Ratchet.Operations;

/// <summary>What a foreign key does when the referenced row is deleted or its key updated.</summary>
public enum ReferentialAction
{
    /// <summary>Refuse at the end of the statement (the default).</summary>
    NoAction,

    /// <summary>Refuse immediately.</summary>
    Restrict,

    /// <summary>Delete or update the referencing rows too.</summary>
    Cascade,

    /// <summary>Set the referencing columns to NULL.</summary>
    SetNull,

    /// <summary>Set the referencing columns to their defaults.</summary>
    SetDefault,
}
