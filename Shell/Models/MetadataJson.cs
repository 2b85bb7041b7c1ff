using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pure.Shell.Models;

/// <summary>
/// Structured metadata values as JSON text (safetensors metadata is string → string): string arrays and
/// float arrays. Floats are written by System.Text.Json in their shortest round-trippable form, so parsing
/// gives back the same bits.
/// </summary>
public static class MetadataJson
{
    static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Strings(IEnumerable<string> values) => Array(json => { foreach (var v in values) json.WriteStringValue(v); });

    public static string Floats(IEnumerable<float> values) => Array(json => { foreach (var v in values) json.WriteNumberValue(v); });

    /// <summary>The strings of a JSON array of strings, or null when <paramref name="text"/> is not one.</summary>
    public static string[]? ParseStrings(string text) =>
        ParseArray(text, e => e.ValueKind == JsonValueKind.String ? (true, e.GetString()!) : (false, ""));

    /// <summary>The values of a JSON array of finite float32 numbers, or null when <paramref name="text"/> is not one.</summary>
    public static float[]? ParseFloats(string text) =>
        ParseArray(text, e => e.ValueKind == JsonValueKind.Number && e.TryGetSingle(out var v) && float.IsFinite(v) ? (true, v) : (false, 0f));

    static string Array(Action<Utf8JsonWriter> items)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(output, Options))
        {
            json.WriteStartArray();
            items(json);
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    static T[]? ParseArray<T>(string text, Func<JsonElement, (bool Ok, T Value)> item)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array) return null;
            var values = new List<T>();
            foreach (var e in document.RootElement.EnumerateArray())
            {
                var (ok, value) = item(e);
                if (!ok) return null;
                values.Add(value);
            }
            return values.ToArray();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
