using Ratchet.Engines;
using Xunit;

namespace Ratchet.Tests.Engines;

public sealed class DatabaseUrlTests
{
    [Theory]
    [InlineData("postgres://bob:s3cret@db:5432/app", "postgres://bob:***@db:5432/app")]
    [InlineData("postgres://bob:p@ss@db/app", "postgres://bob:***@db/app")]
    [InlineData("Host=db;Username=bob;Password=s3cret;Database=app", "Host=db;Username=bob;Password=***;Database=app")]
    [InlineData("server=x;pwd=abc", "server=x;pwd=***")]
    [InlineData("sqlite:app.db", "sqlite:app.db")]
    [InlineData("postgres//bob:s3cret@db/app", "postgres//bob:***@db/app")]
    [InlineData("Host=db;Password=\"a;s3cret\";Database=app", "Host=db;Password=***;Database=app")]
    [InlineData("Host=db;Password='it''s;s3cret'", "Host=db;Password=***")]
    [InlineData("postgres://bob@db/app?sslpassword=s3cret&sslmode=require", "postgres://bob@db/app?sslpassword=***&sslmode=require")]
    [InlineData("Host=db;SSL Password=s3cret;PSW=s3cret", "Host=db;SSL Password=***;PSW=***")]
    [InlineData("Host=db;Password=my s3cret;Database=app", "Host=db;Password=***;Database=app")]
    [InlineData("ALTER ROLE app PASSWORD 's3cret'", "ALTER ROLE app PASSWORD '***'")]
    public void Redaction_removes_every_password(string raw, string shown)
    {
        Assert.Equal(shown, DatabaseUrl.Redact(raw));
        Assert.DoesNotContain("s3cret", DatabaseUrl.Redact(raw), StringComparison.Ordinal);
    }

    [Fact]
    public void Parses_scheme_and_rest()
    {
        var url = DatabaseUrl.Parse("SQLite:data/app.db");

        Assert.Equal(("sqlite", "data/app.db"), (url.Scheme, url.Rest));
        Assert.Equal("", DatabaseUrl.Parse("Host=x;Database=y").Scheme);
    }

    [Theory]
    [InlineData("")]
    [InlineData("just-a-name")]
    public void Malformed_urls_are_bad_input(string raw)
    {
        var error = Assert.Throws<RatchetException>(() => DatabaseUrl.Parse(raw));

        Assert.Equal(RatchetErrorKind.BadInput, error.Kind);
    }
}
