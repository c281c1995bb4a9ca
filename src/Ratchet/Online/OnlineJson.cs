using System.Text.Json.Serialization;

namespace Ratchet.Online;

/// <summary>The stored shapes of online revisions (plans, checkpoints), serialized by generated code (trim and AOT safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(OnlinePlan))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class OnlineJson : JsonSerializerContext;
