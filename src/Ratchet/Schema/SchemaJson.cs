using System.Text.Json.Nodes;

namespace Ratchet.Schema;

/// <summary>The schema as JSON (for <c>inspect --format json</c> and the snapshots behind drift detection), and back.</summary>
public static class SchemaJson
{
    /// <summary>The model as a JSON document.</summary>
    public static JsonObject Write(SchemaModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new JsonObject
        {
            ["tables"] = Array(model.Tables.Select(Table)),
            ["enums"] = Array(model.Enums.Select(e => new JsonObject { ["name"] = e.Name, ["values"] = Strings(e.Values) })),
            ["views"] = Array(model.Views.Select(v => new JsonObject { ["name"] = v.Name, ["definition"] = v.Definition })),
            ["sequences"] = Array(model.Sequences.Select(s => new JsonObject { ["name"] = s.Name })),
            ["triggers"] = Array(model.Triggers.Select(t => new JsonObject { ["name"] = t.Name, ["table"] = t.Table, ["definition"] = t.Definition })),
            ["functions"] = Array(model.Functions.Select(f => new JsonObject { ["name"] = f.Name, ["definition"] = f.Definition })),
        };
    }

    /// <summary>A model from a document written by <see cref="Write"/>.</summary>
    public static SchemaModel Read(JsonNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new SchemaModel
        {
            Tables = Items(document["tables"]).Select(ReadTable).ToList(),
            Enums = Items(document["enums"]).Select(e => new EnumModel(S(e["name"])!, StringList(e["values"]))).ToList(),
            Views = Items(document["views"]).Select(v => new ViewModel(S(v["name"])!, S(v["definition"])!)).ToList(),
            Sequences = Items(document["sequences"]).Select(s => new SequenceModel(S(s["name"])!)).ToList(),
            Triggers = Items(document["triggers"]).Select(t => new TriggerModel(S(t["name"])!, S(t["table"])!, S(t["definition"])!)).ToList(),
            Functions = Items(document["functions"]).Select(f => new FunctionModel(S(f["name"])!, S(f["definition"])!)).ToList(),
        };
    }

    private static JsonObject Table(TableModel t) => new()
    {
        ["name"] = t.Name,
        ["comment"] = t.Comment,
        ["definition"] = t.Definition,
        ["columns"] = Array(t.Columns.Select(c => new JsonObject
        {
            ["name"] = c.Name,
            ["type"] = c.Type,
            ["nullable"] = c.Nullable,
            ["default"] = c.Default,
            ["identity"] = c.Identity,
            ["generated"] = c.Generated,
            ["comment"] = c.Comment,
        })),
        ["primaryKey"] = t.PrimaryKey is null ? null : Key(t.PrimaryKey),
        ["unique"] = Array(t.UniqueConstraints.Select(Key)),
        ["foreignKeys"] = Array(t.ForeignKeys.Select(f => new JsonObject
        {
            ["name"] = f.Name,
            ["columns"] = Strings(f.Columns),
            ["references"] = f.PrincipalTable,
            ["referencedColumns"] = Strings(f.PrincipalColumns),
            ["onDelete"] = f.OnDelete,
            ["onUpdate"] = f.OnUpdate,
            ["validated"] = f.Validated,
        })),
        ["checks"] = Array(t.Checks.Select(c => new JsonObject { ["name"] = c.Name, ["expression"] = c.Expression, ["validated"] = c.Validated })),
        ["indexes"] = Array(t.Indexes.Select(i => new JsonObject
        {
            ["name"] = i.Name,
            ["columns"] = Strings(i.Columns),
            ["unique"] = i.Unique,
            ["where"] = i.Where,
            ["method"] = i.Method,
            ["valid"] = i.Valid,
        })),
    };

    private static TableModel ReadTable(JsonNode t) => new()
    {
        Name = S(t["name"])!,
        Comment = S(t["comment"]),
        Definition = S(t["definition"]),
        Columns = Items(t["columns"]).Select(c => new ColumnModel
        {
            Name = S(c["name"])!,
            Type = S(c["type"])!,
            Nullable = c["nullable"]!.GetValue<bool>(),
            Default = S(c["default"]),
            Identity = S(c["identity"]),
            Generated = S(c["generated"]),
            Comment = S(c["comment"]),
        }).ToList(),
        PrimaryKey = t["primaryKey"] is { } pk ? ReadKey(pk) : null,
        UniqueConstraints = Items(t["unique"]).Select(ReadKey).ToList(),
        ForeignKeys = Items(t["foreignKeys"]).Select(f => new ForeignKeyModel
        {
            Name = S(f["name"]),
            Columns = StringList(f["columns"]),
            PrincipalTable = S(f["references"])!,
            PrincipalColumns = StringList(f["referencedColumns"]),
            OnDelete = S(f["onDelete"])!,
            OnUpdate = S(f["onUpdate"])!,
            Validated = f["validated"]!.GetValue<bool>(),
        }).ToList(),
        Checks = Items(t["checks"]).Select(c => new CheckModel(S(c["name"]), S(c["expression"])!) { Validated = c["validated"]!.GetValue<bool>() }).ToList(),
        Indexes = Items(t["indexes"]).Select(i => new IndexModel
        {
            Name = S(i["name"])!,
            Columns = StringList(i["columns"]),
            Unique = i["unique"]!.GetValue<bool>(),
            Where = S(i["where"]),
            Method = S(i["method"]),
            Valid = i["valid"]!.GetValue<bool>(),
        }).ToList(),
    };

    private static JsonObject Key(KeyModel key) => new() { ["name"] = key.Name, ["columns"] = Strings(key.Columns) };

    private static KeyModel ReadKey(JsonNode node) => new(S(node["name"]), StringList(node["columns"]));

    private static JsonArray Array(IEnumerable<JsonNode> items) => new([.. items]);

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static IEnumerable<JsonNode> Items(JsonNode? node) => node is JsonArray array ? array.Where(n => n is not null).Select(n => n!) : [];

    private static List<string> StringList(JsonNode? node) => Items(node).Select(n => n.GetValue<string>()).ToList();

    private static string? S(JsonNode? node) => node?.GetValue<string>();
}
