namespace Pure.Shell.Tour;

/// <summary>A small table of measured numbers.</summary>
public sealed record TextTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// What a topic measured in this run: tables for people, named numbers for tests (the claims the topic
/// makes), notes, and the pictures it wrote.
/// </summary>
public sealed class TopicReport(string name, string title)
{
    readonly List<TextTable> tables = [];
    readonly Dictionary<string, double> measures = [];
    readonly List<string> notes = [];
    readonly List<string> pictures = [];

    public string Name { get; } = name;
    public string Title { get; } = title;
    public IReadOnlyList<TextTable> Tables => tables;
    public IReadOnlyDictionary<string, double> Measures => measures;
    public IReadOnlyList<string> Notes => notes;
    public IReadOnlyList<string> Pictures => pictures;

    public TopicReport Table(string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        tables.Add(new TextTable(title, headers, rows.ToArray()));
        return this;
    }

    public TopicReport Measure(string key, double value)
    {
        measures[key] = value;
        return this;
    }

    public TopicReport Note(string line)
    {
        notes.Add(line);
        return this;
    }

    public TopicReport Picture(string path)
    {
        pictures.Add(path);
        return this;
    }
}
