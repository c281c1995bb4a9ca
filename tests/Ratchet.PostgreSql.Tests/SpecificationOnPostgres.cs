using Ratchet.Specification.Tests;

namespace Ratchet.PostgreSql.Tests;

public sealed class UpDownOnPostgres(PostgresFixture fixture) : UpDownSpecification<PostgresFixture>(fixture);

public sealed class BranchesOnPostgres(PostgresFixture fixture) : BranchSpecification<PostgresFixture>(fixture);

public sealed class FailuresOnPostgres(PostgresFixture fixture) : FailureSpecification<PostgresFixture>(fixture);

public sealed class ConcurrencyOnPostgres(PostgresFixture fixture) : ConcurrencySpecification<PostgresFixture>(fixture);

public sealed class JournalOnPostgres(PostgresFixture fixture) : JournalSpecification<PostgresFixture>(fixture);

public sealed class CSharpMigrationsOnPostgres(PostgresFixture fixture) : CSharpMigrationSpecification<PostgresFixture>(fixture);
