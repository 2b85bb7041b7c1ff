using Pure.Properties.Support;

namespace Pure.Properties;

/// <summary>
/// Issue 13: <c>pure devices</c> lists the OpenCL platforms and devices. CI installs PoCL (<c>.ci/run</c>), so there
/// the CPU's OpenCL device must be listed; a machine without it must get the line that says how to install it.
/// </summary>
public class DevicesTests
{
    static bool PoclInstalled => File.Exists("/etc/OpenCL/vendors/pocl.icd");

    [Fact]
    public void Devices_lists_the_cpu_and_every_opencl_device_with_its_id()
    {
        var r = PureCli.Run("devices");
        Assert.Contains("cpu ", r.Stdout);
        if (!PoclInstalled)
        {
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("apt-get install pocl-opencl-icd", r.Stderr);
            return;
        }
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Portable Computing Language", r.Stdout);
        var device = r.Stdout.Split('\n').Single(l => l.TrimStart().StartsWith("opencl:0:0", StringComparison.Ordinal));
        Assert.Contains("CPU", device);
        Assert.Matches(@"\d+ compute units, [\d.]+ [KMGT]?i?B memory, work-groups up to \d+", device);
    }

    [Fact]
    public void Without_a_platform_devices_says_how_to_get_one_and_exits_2()
    {
        var empty = TestFiles.TempFolder();
        var r = PureProcess.RunWith(null, new Dictionary<string, string> { ["OCL_ICD_VENDORS"] = empty }, "devices");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("pure: no OpenCL platform is installed (for the CPU: apt-get install pocl-opencl-icd)", r.Stderr.Trim());
    }
}
