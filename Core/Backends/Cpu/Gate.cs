namespace Pure.Core.Backends.Cpu;

/// <summary>
/// A claim that never waits: who takes it uses the shared buffers or threads, who does not goes its own way
/// (same bits either way). One interlocked exchange; not re-entrant.
/// </summary>
struct Gate
{
    int taken;

    public bool TryTake() => Interlocked.CompareExchange(ref taken, 1, 0) == 0;

    public void Release() => Volatile.Write(ref taken, 0);
}
