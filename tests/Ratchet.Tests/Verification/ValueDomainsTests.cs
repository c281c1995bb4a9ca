using Ratchet.Schema;
using Ratchet.Verification.SampleData;
using Xunit;

namespace Ratchet.Tests.Verification;

public sealed class ValueDomainsTests
{
    [Fact]
    public void In_lists_in_both_spellings_give_the_allowed_values()
    {
        Assert.Equal(["N", "S", "D"], ValueDomains.FromCheck("status IN ('N', 'S', 'D')")["status"].Values);
        Assert.Equal(["new", "shipped"], ValueDomains.FromCheck("(status = ANY (ARRAY['new'::text, 'shipped'::text]))")["status"].Values);
    }

    [Fact]
    public void Comparisons_between_and_length_give_bounds()
    {
        var domains = ValueDomains.FromCheck("(price_cents >= 0) AND (qty > 0) AND qty <= 10 AND rating BETWEEN 1 AND 5 AND length(code) <= 3 AND name <> ''");

        Assert.Equal((0m, (decimal?)null), (domains["price_cents"].Min, domains["price_cents"].Max));
        Assert.Equal((1m, (decimal?)10m), (domains["qty"].Min, domains["qty"].Max));
        Assert.Equal((1m, (decimal?)5m), (domains["rating"].Min, domains["rating"].Max));
        Assert.Equal(3, domains["code"].MaxLength);
        Assert.Equal(1, domains["name"].MinLength);
    }

    [Fact]
    public void A_like_pattern_is_kept_and_not_in_is_no_domain_in_a_check_constraint()
    {
        var domains = ValueDomains.FromCheck("email LIKE '%@%' AND kind NOT IN ('x')");

        Assert.Equal("%@%", domains["email"].Like);
        Assert.False(domains.ContainsKey("kind"));
    }

    [Fact]
    public void A_check_section_query_states_the_domain_of_the_columns_of_its_tables()
    {
        var schema = new SchemaModel
        {
            Tables = [new TableModel { Name = "orders", Columns = [new ColumnModel { Name = "status", Type = "TEXT" }] }],
        };

        var hints = ValueDomains.FromCheckQuery("SELECT count(*) = 0 FROM orders WHERE status NOT IN ('N', 'S', 'D');", schema);

        Assert.Equal(["N", "S", "D"], hints[("orders", "status")].Values);
        Assert.Single(hints);
    }
}
