// Stand-alone measurement: does the merchant update cost less when it is interleaved row by
// row with parse-like compute (the way a fused parse-and-aggregate loop would run) than when a
// batch of 4,096 rows is parsed first and then aggregated (the scan's shape)? Two threads, 16 M
// rows each, 80,000 merchant keys mixed like the scan's, an 8 MiB table per thread.
//
//   cc -O2 -pthread -o /tmp/fused_prefetch Benchmarks/experiments/fused_prefetch.c
//   /tmp/fused_prefetch 2 10    # the compute alone (10 word steps a row)
//   /tmp/fused_prefetch 0 10    # batched: compute 4,096 rows, then their updates, prefetch 8 ahead
//   /tmp/fused_prefetch 1 10    # fused: compute row i, prefetch its line, update row i - 16
//
// Results on the 2-core VM (thirteenth session, three runs each, ns a row): compute alone
// 28-36, batched 41-52, fused 37-42, so in isolation fusing hides about half of the merchant
// update. In the scan it did not carry over: the row parser prefetching each row's merchant
// line (a thread-local hint) with batches of 256, 512 or 1,024 rows measured no gain (see
// docs/SCAN-PERFORMANCE.md, thirteenth session).
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "experiment.h"
static int mode, workIters;
static size_t n;
static const int bits = 18;
static uint64_t *keys[2];
static unsigned char *input[2];
static double times[2];
static volatile uint64_t sink[2];
static inline uint64_t work(const unsigned char *p,
                            uint64_t acc) { // parse-like: ~workIters dependent-ish ALU ops over 88 bytes
    for (int w = 0; w < workIters; w++) {
        uint64_t v;
        memcpy(&v, p + (w * 8) % 80, 8);
        v ^= 0x3030303030303030ull;
        uint64_t nd = (v | (v + 0x0606060606060606ull)) & 0xF0F0F0F0F0F0F0F0ull;
        acc += (v * 10 + (v >> 8)) * 0x640000000001ull + (nd ? __builtin_ctzll(nd) : 8);
    }
    return acc;
}
static inline void upd(Entry *table, uint64_t k, int64_t amt) {
    uint64_t mask = ((uint64_t)1 << bits) - 1;
    size_t j = ((k * 0x9E3779B97F4A7C15ull) >> 20) & mask;
    for (;;) {
        if (table[j].key == k) {
            table[j].amount += amt;
            table[j].count++;
            return;
        }
        if (table[j].key == 0) {
            table[j].key = k;
            table[j].amount = amt;
            table[j].count = 1;
            return;
        }
        j = (j + 1) & mask;
    }
}
static void *run(void *arg) {
    int id = (int)(intptr_t)arg;
    Entry *table = (Entry *)aligned_table(((size_t)1 << bits) * sizeof(Entry), 1);
    uint64_t *k0 = keys[id];
    const unsigned char *in = input[id];
    uint64_t mask = ((uint64_t)1 << bits) - 1;
    uint64_t acc = 0;
    const size_t B = 4096;
    uint64_t col[4096];
    double t0 = now();
    if (mode == 0) { // batched: work for B rows writing a column, then updates with prefetch 8 ahead
        for (size_t b = 0; b < n; b += B) {
            size_t e = b + B < n ? b + B : n;
            for (size_t i = b; i < e; i++) {
                acc = work(in + (i * 88) % (1u << 16), acc);
                col[i - b] = k0[i] ^ (acc & 0);
            }
            for (size_t i = b; i < e; i++) {
                if (i + 8 < e)
                    __builtin_prefetch(&table[((col[i + 8 - b] * 0x9E3779B97F4A7C15ull) >> 20) & mask], 1, 3);
                upd(table, col[i - b], (int64_t)(i & 1023));
            }
        }
    } else if (mode == 1) { // fused: work row i, prefetch row i, update row i-L
        const size_t L = 16;
        for (size_t i = 0; i < n; i++) {
            acc = work(in + (i * 88) % (1u << 16), acc);
            uint64_t k = k0[i] ^ (acc & 0);
            __builtin_prefetch(&table[((k * 0x9E3779B97F4A7C15ull) >> 20) & mask], 1, 3);
            if (i >= L)
                upd(table, k0[i - L], (int64_t)((i - L) & 1023));
        }
        for (size_t i = n - L; i < n; i++)
            upd(table, k0[i], (int64_t)(i & 1023));
    } else { // work only
        for (size_t i = 0; i < n; i++) {
            acc = work(in + (i * 88) % (1u << 16), acc);
        }
    }
    times[id] = now() - t0;
    sink[id] = acc;
    return NULL;
}
int main(int argc, char **argv) {
    if (argc < 2 || atoi(argv[1]) < 0 || atoi(argv[1]) > 2) {
        fprintf(stderr, "usage: %s MODE(0 batched, 1 fused, 2 compute only) [WORK]\n", argv[0]);
        return 64;
    }
    mode = atoi(argv[1]);
    workIters = argc > 2 ? atoi(argv[2]) : 10;
    n = (size_t)16 << 20;
    uint64_t s = 88172645463325252ull;
    for (int t = 0; t < 2; t++) {
        keys[t] = malloc(n * 8);
        for (size_t i = 0; i < n; i++) {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            keys[t][i] = mix(s % 80000 + 1);
        }
        input[t] = malloc(256u << 20);
        memset(input[t], '5', 256u << 20);
    }
    run_threads(2, run);
    printf("mode %s work %d: %.2f / %.2f ns per row\n",
           mode == 0   ? "batched"
           : mode == 1 ? "fused  "
                       : "work   ",
           workIters, times[0] / n * 1e9, times[1] / n * 1e9);
}
