using System.Diagnostics;
using System.Globalization;

namespace Pure.Shell.Cli;

/// <summary>
/// "reading FILE: 45% (90 of 200 MiB)" on stderr while a large file loads: nothing in its first second (a small
/// file says nothing), then at most one report a second; on a terminal each report overwrites the last and the
/// line is cleared when the load ends, elsewhere (a log, a pipe) each is a line of its own.
/// </summary>
public sealed class LoadProgress(TextWriter error, string path, bool terminal, Func<TimeSpan> elapsed)
{
    static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    TimeSpan next = Interval;
    bool shown;

    /// <summary>Reports for <paramref name="path"/> on <paramref name="error"/>, by the wall clock.</summary>
    public static LoadProgress On(TextWriter error, string path)
    {
        var clock = Stopwatch.StartNew();
        return new LoadProgress(error, path, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected, () => clock.Elapsed);
    }

    public void Report(long bytesRead, long length)
    {
        if (bytesRead >= length)
        {
            if (shown && terminal) error.Write("\r\x1b[2K");
            else if (shown) error.WriteLine($"reading {path}: done ({ByteSize.Format(length)})");
            return;
        }
        var now = elapsed();
        if (now < next) return;
        next = now + Interval;
        shown = true;
        var percent = (100.0 * bytesRead / Math.Max(1, length)).ToString("F0", CultureInfo.InvariantCulture);
        var text = $"reading {path}: {percent}% ({ByteSize.Format(bytesRead)} of {ByteSize.Format(length)})";
        if (terminal) error.Write("\r\x1b[2K" + text);
        else error.WriteLine(text);
        error.Flush();
    }
}
