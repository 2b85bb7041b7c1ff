using System.Text.Json;
using System.Text.Json.Nodes;
using Pure.Core.Layers;

namespace Pure.Shell.Models;

/// <summary>
/// A layer tree (<see cref="LayerSpec"/>) as the JSON of a model file's <c>network</c> metadata: an object per
/// node with its <c>kind</c>, its arguments as strings, and its <c>children</c> when it has any, e.g.
/// <c>{"kind":"serial","children":[{"kind":"dense","units":"16",…},{"kind":"activation","function":"relu"}]}</c>.
/// Nesting deeper than 64 levels is refused by the parser, so a hostile file cannot exhaust the stack, and a
/// tree of more than <see cref="MostLayers"/> nodes is refused before any is built.
/// </summary>
public static class LayerSpecJson
{
    /// <summary>The most layers a file may describe: far past any network here, far below what would exhaust memory.</summary>
    public const int MostLayers = 10_000;

    public static string Write(LayerSpec spec) => Node(spec).ToJsonString();

    static JsonObject Node(LayerSpec spec)
    {
        var node = new JsonObject { ["kind"] = spec.Kind };
        foreach (var a in spec.Arguments) node[a.Name] = a.Value;
        if (spec.Children.Count > 0) node["children"] = new JsonArray(spec.Children.Select(c => (JsonNode)Node(c)).ToArray());
        return node;
    }

    /// <summary>The tree in <paramref name="json"/>, or null with <paramref name="error"/> saying where it is malformed.</summary>
    public static LayerSpec? Read(string json, out string error)
    {
        error = "";
        try
        {
            var nodes = 0;
            return Spec(JsonNode.Parse(json), "network", ref nodes);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            error = e.Message;
            return null;
        }
    }

    static LayerSpec Spec(JsonNode? node, string at, ref int nodes)
    {
        if (++nodes > MostLayers) throw new FormatException($"more than {MostLayers} layers");
        if (node is not JsonObject o) throw new FormatException($"{at} is not a JSON object");
        if (o["kind"] is not JsonValue k || !k.TryGetValue<string>(out var kind)) throw new FormatException($"{at} has no \"kind\" string");
        var arguments = new List<LayerArgument>();
        var children = new List<LayerSpec>();
        foreach (var (name, value) in o)
        {
            if (name == "kind") continue;
            if (name == "children")
            {
                if (value is not JsonArray list) throw new FormatException($"{at}: \"children\" is not an array");
                for (var i = 0; i < list.Count; i++) children.Add(Spec(list[i], $"{at}.{i}", ref nodes));
            }
            else if (value is JsonValue v && v.TryGetValue<string>(out var text)) arguments.Add(new LayerArgument(name, text));
            else throw new FormatException($"{at} ({kind}): argument \"{name}\" is not a string");
        }
        return new LayerSpec(kind, arguments, children);
    }
}
