namespace Pure.Core.Backends.Cpu;

/// <summary>Work cut into parts that can run at the same time, each writing only its own outputs.</summary>
interface IParallelWork
{
    void RunPart(int part);
}

/// <summary>
/// Worker threads created once with the backend and kept for its life: a call wakes as many as it has parts
/// (the caller runs part 0), and returns when all are done. Nothing is allocated per call, and since each
/// part writes its own outputs, the result is the same whatever the number of threads.
/// </summary>
sealed class WorkerPool : IDisposable
{
    // a worker spins this long (SpinWait iterations) for the next call before it sleeps: a training step's
    // products are microseconds apart, a sleeping thread takes tens of microseconds to wake
    const int SpinCount = 2047;

    readonly Thread[] threads;
    readonly ManualResetEventSlim[] wake;
    // the caller's wait for the workers: it spins, then sleeps on this object's monitor. Not an event: an event
    // allocates its lock the first time a wait must sleep, which a steady-state step would then count
    readonly object finished = new();
    Gate gate;
    IParallelWork? work;
    int pending;
    Exception? failure;
    volatile bool stopping;

    public WorkerPool(int workers)
    {
        wake = new ManualResetEventSlim[workers];
        threads = new Thread[workers];
        for (var i = 0; i < workers; i++)
        {
            wake[i] = new ManualResetEventSlim(false, SpinCount);
            var index = i;
            threads[i] = new Thread(() => Loop(index)) { IsBackground = true, Name = $"pure cpu worker {i + 1}" };
            threads[i].Start();
        }
    }

    /// <summary>The threads a call can use: the workers and the caller.</summary>
    public int Size => threads.Length + 1;

    /// <summary>
    /// Runs parts 0 … <paramref name="parts"/> − 1 of <paramref name="job"/> at the same time, or, when another
    /// caller holds the workers, one after another on this thread: the same outputs either way.
    /// </summary>
    public void Run(IParallelWork job, int parts)
    {
        if (!gate.TryTake())
        {
            for (var p = 0; p < parts; p++) job.RunPart(p);
            return;
        }
        try
        {
            RunOnWorkers(job, parts);
        }
        finally
        {
            gate.Release();
        }
    }

    void RunOnWorkers(IParallelWork job, int parts)
    {
        if (parts > Size) throw new ArgumentOutOfRangeException(nameof(parts), parts, $"at most {Size}");
        if (parts <= 1)
        {
            job.RunPart(0);
            return;
        }
        work = job;
        failure = null;
        Volatile.Write(ref pending, parts - 1);
        for (var t = 1; t < parts; t++) wake[t - 1].Set();
        job.RunPart(0);
        WaitForWorkers();
        work = null;
        if (failure is { } e) throw new AggregateException("a worker thread failed", e);
    }

    void WaitForWorkers()
    {
        var spinner = new SpinWait();
        while (Volatile.Read(ref pending) > 0)
        {
            if (spinner.Count < SpinCount)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
                continue;
            }
            lock (finished)
                while (Volatile.Read(ref pending) > 0) Monitor.Wait(finished);
        }
    }

    void Loop(int index)
    {
        while (true)
        {
            wake[index].Wait();
            wake[index].Reset();
            if (stopping) return;
            try
            {
                work!.RunPart(index + 1);
            }
            catch (Exception e)
            {
                failure = e;
            }
            if (Interlocked.Decrement(ref pending) == 0)
                lock (finished) Monitor.PulseAll(finished);
        }
    }

    public void Dispose()
    {
        stopping = true;
        foreach (var w in wake) w.Set();
        foreach (var t in threads) t.Join();
        foreach (var w in wake) w.Dispose();
    }
}
