using Npgsql;
using Ratchet.Engines;
using Ratchet.PostgreSql;
using Xunit;

namespace Ratchet.Tests.Engines;

public sealed class PostgresConnectionStringTests
{
    private static NpgsqlConnectionStringBuilder Parse(string url) => new(PostgresEngine.ToConnectionString(DatabaseUrl.Parse(url)));

    [Fact]
    public void A_url_gives_every_part()
    {
        var b = Parse("postgres://deploy:p%40ss%3Aword@db.internal:6432/shop?sslmode=require&application_name=api&connect_timeout=7");

        Assert.Equal(("deploy", "p@ss:word", "db.internal", 6432, "shop"), (b.Username, b.Password, b.Host, b.Port, b.Database));
        Assert.Equal(SslMode.Require, b.SslMode);
        Assert.Equal("api", b.ApplicationName);
        Assert.Equal(7, b.Timeout);
    }

    [Fact]
    public void Ipv6_hosts_socket_folders_and_key_value_strings_are_understood()
    {
        Assert.Equal(("::1", 5433), (Parse("postgresql://u@[::1]:5433/d").Host, Parse("postgresql://u@[::1]:5433/d").Port));
        Assert.Equal("/var/run/postgresql", Parse("postgres:///shop?host=/var/run/postgresql").Host);
        Assert.Equal("db2", Parse("Host=db2;Username=u;Database=d").Host);
    }

    [Theory]
    [InlineData("postgres://u@db:notaport/d")]
    [InlineData("postgres://u@db/d?connect_timeout=soon")]
    [InlineData("postgres:db/d")]
    [InlineData("Host=db;Frobnicate=yes")]
    public void Malformed_connections_are_bad_input(string url)
    {
        var error = Assert.Throws<RatchetException>(() => PostgresEngine.ToConnectionString(DatabaseUrl.Parse(url)));

        Assert.Equal(RatchetErrorKind.BadInput, error.Kind);
        Assert.StartsWith("malformed PostgreSQL connection", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_value_string_is_shown_without_its_password()
    {
        var engine = PostgresEngine.FromUrl(DatabaseUrl.Parse("Host=db;Username=u;Password=my secret;Database=d"));

        Assert.Equal("postgres://u@db/d", engine.DisplayName);
    }

    [Fact]
    public void Batch_commands_get_positional_parameters_without_touching_strings_or_names()
    {
        var command = PostgresEngine.ToNpgsql(new BatchCommand(
            "INSERT INTO \"a@id\" (x, y, z) VALUES (@id, '@id', @log_id) -- @id",
            [("@log_id", 2), ("@id", 1)]));

        Assert.Equal("INSERT INTO \"a@id\" (x, y, z) VALUES ($2, '@id', $1) -- @id", command.CommandText);
        Assert.Equal([2, 1], command.Parameters.Select(p => (int)p.Value!));
    }
}
