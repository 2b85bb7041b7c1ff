namespace Pure.Core.Training;

/// <summary>How both flat vectors (parameters, state) lay their segments out: back to back, in order, from offset 0.</summary>
static class BackToBack
{
    /// <summary>Each spec's segment at the running offset, and the total; checked, since a vector past 2³¹ values is a bug upstream.</summary>
    public static (IReadOnlyList<TSegment> Segments, int Length) Lay<TSpec, TSegment>(IEnumerable<TSpec> specs, Func<TSpec, int> length, Func<TSpec, int, TSegment> segment)
    {
        var segments = new List<TSegment>();
        var offset = 0;
        foreach (var s in specs)
        {
            segments.Add(segment(s, offset));
            offset = checked(offset + length(s));
        }
        return (segments, offset);
    }
}
