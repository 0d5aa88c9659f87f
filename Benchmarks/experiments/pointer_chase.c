// Stand-alone measurement of how much cache a scan worker can count on: a dependent pointer
// chase through one random cycle over every cache line of a buffer, in ns per access. A buffer
// that fits the cache the VM actually gets answers at cache latency; one that does not answers
// at DRAM latency. Run two at once to see what two workers get.
//
//   cc -O2 -o /tmp/pointer_chase Benchmarks/experiments/pointer_chase.c
//   /tmp/pointer_chase 8 1                          # 8 MiB on transparent huge pages
//   /tmp/pointer_chase 8 0                          # 8 MiB on 4 KiB pages
//   /tmp/pointer_chase 8 1 & /tmp/pointer_chase 8 1; wait   # two at once, as two workers
//
// Results on the 2-core VM (twelfth session; they move with the host's other tenants): alone,
// 8 MiB 46 ns with huge pages and 75 ns without, 16 MiB 150 ns, 64 MiB 154–178 ns; two at
// once, 8 MiB each 142 ns, 4 MiB each 49–71 ns, 2 MiB each 17–18 ns. Later single runs took
// 94 ns over 4 MiB and 139 ns over 8 MiB with huge pages, so what fits moves between about 4
// and 8 MiB. The scan's two merchant tables (8 MiB each) therefore sit in DRAM.
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "experiment.h"

int main(int argc, char **argv) {
    size_t mib = argc > 1 ? (size_t)atoi(argv[1]) : 8;
    int huge = argc > 2 ? atoi(argv[2]) : 1;
    size_t bytes = mib << 20, lines = bytes / 64;
    char *p = aligned_table(bytes, huge);
    // One random cycle through every line (Sattolo's shuffle), so each access depends on the last.
    size_t *order = malloc(lines * sizeof *order);
    if (!order) { perror("malloc"); return 1; }
    for (size_t i = 0; i < lines; i++) order[i] = i;
    uint64_t s = 88172645463325252ull;
    for (size_t i = lines - 1; i > 0; i--) {
        s ^= s << 13; s ^= s >> 7; s ^= s << 17;
        size_t j = s % i, t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    for (size_t i = 0; i < lines; i++) *(size_t *)(p + order[i] * 64) = order[(i + 1) % lines] * 64;
    free(order);
    size_t x = 0;
    long steps = 20000000;
    double t0 = now();
    for (long i = 0; i < steps; i++) x = *(size_t *)(p + x);
    double t1 = now();
    printf("%zu MiB, %s: %.1f ns per access (%zu)\n", mib, huge ? "huge pages" : "4 KiB pages",
           (t1 - t0) / steps * 1e9, x);
    return 0;
}
