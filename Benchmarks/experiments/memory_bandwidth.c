// Stand-alone measurement of the memory bandwidth a scan worker gets on this VM: a sequential
// read, a sequential read-modify-write, and a read-modify-write of random lines (no prefetch,
// independent accesses), over 512 MiB per thread, one or two threads.
//
//   cc -O2 -pthread -o /tmp/memory_bandwidth Benchmarks/experiments/memory_bandwidth.c
//   /tmp/memory_bandwidth 0 2    # read, two threads
//   /tmp/memory_bandwidth 1 2    # sequential read-modify-write, two threads
//   /tmp/memory_bandwidth 2 2    # random-line read-modify-write, two threads
//
// Results on the 2-core VM (thirteenth session): read 12.8 GB/s alone, 11.6 + 9.5 GB/s with two
// threads; sequential read-modify-write 8.8 + 7.8 GB/s; random lines 45 M/s alone, 36 + 33 M/s
// with two threads. Later, in a busier phase of the host, two threads read 4.9-7.1 GB/s each
// (10-13 GB/s together). The 32 M-row scan moves about 10-12 GB in 2.6-2.9 s (the log, merchant
// lines read and written back, consumer outboxes and records): well under what the VM gives,
// so the scan waits on latency, not bandwidth.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "experiment.h"
static size_t N = (size_t)512 << 20;
static int mode;
static double res[2];
static void *run(void *a) {
    int id = (int)(intptr_t)a;
    uint64_t *buf = malloc(N);
    memset(buf, 1, N);
    size_t n = N / 8;
    double t0 = now();
    uint64_t s = 0;
    for (int r = 0; r < 3; r++) {
        if (mode == 0) {
            for (size_t i = 0; i < n; i++)
                s += buf[i];
        } else if (mode == 1) {
            for (size_t i = 0; i < n; i++)
                buf[i] += 1;
        } else { /* random line RMW */
            uint64_t x = 88172645463325252ull + id;
            for (size_t i = 0; i < n / 8; i++) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                buf[(x % (n / 8)) * 8] += 1;
            }
        }
    }
    double t = now() - t0;
    res[id] = mode == 2 ? (3.0 * (n / 8)) / t / 1e6 : 3.0 * N / t / 1e9;
    if (s == 42)
        puts("");
    return NULL;
}
int main(int c, char **v) {
    if (c < 3 || atoi(v[2]) < 1 || atoi(v[2]) > 2) {
        fprintf(stderr, "usage: %s MODE(0 read, 1 rmw, 2 random lines) THREADS(1-2)\n", v[0]);
        return 64;
    }
    mode = atoi(v[1]);
    int th = atoi(v[2]);
    run_threads(th, run);
    printf("mode %s threads %d: %.2f %.2f %s\n",
           mode == 0   ? "read"
           : mode == 1 ? "rmw-seq"
                       : "rmw-random-line",
           th, res[0], th > 1 ? res[1] : 0, mode == 2 ? "M lines/s per thread" : "GB/s per thread");
}
