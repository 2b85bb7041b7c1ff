using Pure.Properties.Support;
using Pure.Shell.Cli;
using Pure.Shell.Csv;

namespace Pure.Properties;

/// <summary>Issue 11, item 12: a large CSV shows its progress while it loads, and loading allocates about the data, not the text.</summary>
public class LoadProgressTests
{
    static string ShortCells(int rows, int cols)
    {
        var csv = Path.Combine(TestFiles.TempFolder(), "short.csv");
        using var w = new StreamWriter(csv);
        w.WriteLine(string.Join(',', Enumerable.Range(0, cols).Select(c => $"x{c}")) + ",label");
        for (var r = 0; r < rows; r++) w.WriteLine(string.Join(',', Enumerable.Range(0, cols).Select(c => (r * 7 + c) % 10)) + $",{r % 2}");
        return csv;
    }

    [Fact]
    public void The_reader_reports_growing_byte_counts_ending_at_the_files_length()
    {
        var csv = ShortCells(20_000, 10);
        var reports = new List<(long Read, long Length)>();
        var table = CsvTableReader.Read(csv, null, null, (read, length) => reports.Add((read, length)));
        Assert.Equal(20_000, table.Rows);
        var length = new FileInfo(csv).Length;
        Assert.True(reports.Count >= 4, $"{reports.Count} reports");
        Assert.All(reports, r => Assert.Equal(length, r.Length));
        Assert.Equal(reports.Select(r => r.Read).Order(), reports.Select(r => r.Read));
        Assert.True(reports[0].Read < length);
        Assert.Equal(length, reports[^1].Read);
    }

    /// <summary>
    /// 20 000 rows of 50 one-digit cells are 1 million floats, 4 MB: the old reader made a string per cell and a
    /// list that doubles (over 30 MB); now the numbers are parsed from the reader's bytes into blocks.
    /// </summary>
    [Fact]
    public void Loading_allocates_about_the_numbers_not_a_string_per_cell()
    {
        var csv = ShortCells(20_000, 50);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var table = CsvTableReader.Read(csv, null);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var numbers = 4L * table.Rows * table.Width;
        Assert.Equal(1_000_000, table.Rows * table.Width);
        Assert.True(allocated < 3 * numbers, $"loading allocated {allocated} bytes for {numbers} bytes of numbers");
        Assert.Equal(7 % 10, table.Features[1, 0]);
        Assert.Equal((7 + 49) % 10, table.Features[1, 49]);
        Assert.Same(table.Labels[0], table.Labels[2]); // a repeated label is one string
    }

    sealed class FakeClock
    {
        public TimeSpan Now;
    }

    [Fact]
    public void Progress_says_nothing_in_the_first_second_then_once_a_second_then_done()
    {
        var clock = new FakeClock();
        var error = new StringWriter();
        var progress = new LoadProgress(error, "big.csv", terminal: false, () => clock.Now);
        progress.Report(10 << 20, 200 << 20);
        Assert.Equal("", error.ToString());
        clock.Now = TimeSpan.FromSeconds(1.2);
        progress.Report(50 << 20, 200 << 20);
        clock.Now = TimeSpan.FromSeconds(1.7);
        progress.Report(60 << 20, 200 << 20); // within the second: not shown
        clock.Now = TimeSpan.FromSeconds(2.3);
        progress.Report(100 << 20, 200 << 20);
        progress.Report(200 << 20, 200 << 20);
        Assert.Equal(["reading big.csv: 25% (50 MiB of 200 MiB)", "reading big.csv: 50% (100 MiB of 200 MiB)", "reading big.csv: done (200 MiB)"],
            error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_quick_load_prints_nothing_and_a_terminal_line_is_overwritten_and_cleared()
    {
        var clock = new FakeClock();
        var quiet = new StringWriter();
        var quick = new LoadProgress(quiet, "small.csv", terminal: false, () => clock.Now);
        quick.Report(1, 2);
        quick.Report(2, 2);
        Assert.Equal("", quiet.ToString());

        var terminal = new StringWriter();
        var live = new LoadProgress(terminal, "big.csv", terminal: true, () => clock.Now);
        clock.Now = TimeSpan.FromSeconds(1);
        live.Report(1 << 20, 4 << 20);
        live.Report(4 << 20, 4 << 20);
        Assert.Equal("\r\x1b[2Kreading big.csv: 25% (1 MiB of 4 MiB)\r\x1b[2K", terminal.ToString());
    }
}
