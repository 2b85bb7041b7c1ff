"""What both peer scripts share: the median of timed rounds after a warm-up (as `pure bench` times), and the BLAS label."""
import statistics, time


def median_seconds(run, rounds, warmups=1):
    for _ in range(warmups):
        run()
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def blas_setting():
    """The BLAS threadpoolctl sees: its API, the kernel it chose (e.g. SkylakeX) and its threads."""
    try:
        from threadpoolctl import threadpool_info
        return "; ".join(f"{i.get('internal_api')} {i.get('architecture')} ({i.get('num_threads')} threads)" for i in threadpool_info())
    except Exception as e:  # noqa: BLE001 - a missing threadpoolctl only loses the label
        return f"unknown ({e})"
