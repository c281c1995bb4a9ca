using Ratchet.Safety.Rules;

namespace Ratchet.Safety;

/// <summary>Every static rule, in id order.</summary>
public static class LintRules
{
    /// <summary>The rules.</summary>
    public static IReadOnlyList<LintRule> All { get; } =
    [
        new Rat001CreateIndexWithoutConcurrently(), new Rat002DropIndexWithoutConcurrently(), new Rat003ConcurrentlyInTransaction(), new Rat004BlockingMaintenance(),
        new Rat005RewritingDefault(), new Rat006RewritingColumn(), new Rat007NotNullWithoutDefault(), new Rat008SetNotNull(), new Rat009CheckWithoutNotValid(),
        new Rat010ForeignKeyWithoutNotValid(), new Rat011ValidateInSameTransaction(), new Rat012UniqueOnExistingTable(), new Rat013PrimaryKeyOnExistingTable(),
        new Rat014ExcludeOnExistingTable(), new Rat015RewritingTypeChange(), new Rat016TypeChangeWithChecksOrIndexes(), new Rat017DropColumn(), new Rat018DropTable(),
        new Rat019RenameColumn(), new Rat020RenameTable(), new Rat021DropNotNullOrForeignKey(), new Rat022EnumChange(), new Rat023NoLockTimeout(),
        new Rat024StatementsAfterAccessExclusive(), new Rat025WholeTableUpdate(), new Rat026TruncateCascade(), new Rat027TransactionControl(),
        new Rat028NonIdempotentOutsideTransaction(), new Rat029ForeignKeyWithoutIndex(), new Rat030JsonColumn(), new Rat031DomainCheck(),
        new Rat032ConcurrentIndexOnBrokenVersion(), new Rat033MySqlCopyOrLock(), new Rat034SqliteAlterByHand(), new Rat035LongIdentifier(), new Rat036Unreadable(),
    ];

    /// <summary>The rule with that id, or null.</summary>
    public static LintRule? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
