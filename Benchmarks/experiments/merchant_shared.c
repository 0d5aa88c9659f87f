// Stand-alone measurement: could the two scan workers share ONE merchant table (updated with
// atomic adds and a compare-and-swap insert) instead of one table each, so that the random
// working set halves? Two threads, 16 M updates each to 80,000 merchant keys mixed like the
// scan's (`FieldParsers.mixIDWords`), the home slot prefetched 8 updates ahead, in ns per update.
// `work` 1 adds a parse-like read of 88 bytes of a private buffer per update.
//
//   cc -O2 -pthread -o /tmp/merchant_shared Benchmarks/experiments/merchant_shared.c
//   /tmp/merchant_shared 18 8 0     # 2^18 entries (8 MiB) per thread, private tables (the scan's)
//   /tmp/merchant_shared 18 8 1     # one shared 8 MiB table, atomic updates
//   /tmp/merchant_shared 17 8 1     # one shared 4 MiB table (the table must hold 80,000: bits >= 17)
//   /tmp/merchant_shared 18 8 1 1   # shared, with the per-row work
//
// Results on the 2-core VM (thirteenth session, five rounds of the three in turn): private
// 8.4-14.8 ns, shared 8 MiB 10-27 ns, shared 4 MiB 16-50 ns, the shared tables slower than the
// private ones in every round; with the work, private 30-33 ns, shared 8 MiB 31-46 ns, shared
// 4 MiB 83-89 ns. Locked read-modify-writes and lines moving between the two cores cost more
// than the smaller working set saves: not built into the scan.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "experiment.h"
static int bits, ahead, shared, work;
static size_t n;
static Entry *tables[2];
static uint64_t *keys[2];
static char *input[2];
static double times[2];
static volatile uint64_t sink;
static void *run(void *arg) {
    int id = (int)(intptr_t)arg;
    Entry *table = tables[shared ? 0 : id];
    uint64_t *k0 = keys[id];
    uint64_t mask = ((uint64_t)1 << bits) - 1;
    const char *in = input[id];
    uint64_t acc = 0;
    double t0 = now();
    for (size_t i = 0; i < n; i++) {
        if (ahead && i + ahead < n)
            __builtin_prefetch(&table[((k0[i + ahead] * 0x9E3779B97F4A7C15ull) >> 20) & mask], 1, 3);
        if (work) {
            for (int w = 0; w < 88; w += 8) {
                uint64_t v;
                memcpy(&v, in + (i * 88 + w) % (256u << 20), 8);
                acc = acc * 31 + v;
            }
        }
        uint64_t k = k0[i];
        size_t j = ((k * 0x9E3779B97F4A7C15ull) >> 20) & mask;
        int64_t amt = (int64_t)(i & 1023);
        for (;;) {
            uint64_t cur = shared ? __atomic_load_n(&table[j].key, __ATOMIC_RELAXED) : table[j].key;
            if (cur == k) {
                if (shared) {
                    __atomic_fetch_add(&table[j].amount, amt, __ATOMIC_RELAXED);
                    __atomic_fetch_add(&table[j].count, 1, __ATOMIC_RELAXED);
                } else {
                    table[j].amount += amt;
                    table[j].count++;
                }
                break;
            }
            if (cur == 0) {
                if (shared) {
                    uint64_t z = 0;
                    if (__atomic_compare_exchange_n(&table[j].key, &z, k, 0, __ATOMIC_RELAXED,
                                                    __ATOMIC_RELAXED)) {
                        __atomic_fetch_add(&table[j].amount, amt, __ATOMIC_RELAXED);
                        __atomic_fetch_add(&table[j].count, 1, __ATOMIC_RELAXED);
                        break;
                    }
                    continue;
                }
                table[j].key = k;
                table[j].amount = amt;
                table[j].count = 1;
                break;
            }
            j = (j + 1) & mask;
        }
    }
    times[id] = now() - t0;
    sink = acc;
    return NULL;
}
int main(int argc, char **argv) {
    if (argc < 4 || atoi(argv[1]) < 17 || atoi(argv[1]) > 24) {
        fprintf(stderr, "usage: %s BITS(17-24: the table holds 80,000 keys) AHEAD SHARED(0/1) [WORK(0/1)]\n",
                argv[0]);
        return 64;
    }
    bits = atoi(argv[1]);
    ahead = atoi(argv[2]);
    shared = atoi(argv[3]);
    work = argc > 4 ? atoi(argv[4]) : 0;
    size_t bytes = ((size_t)1 << bits) * sizeof(Entry);
    tables[0] = (Entry *)aligned_table(bytes, 1);
    if (!shared)
        tables[1] = (Entry *)aligned_table(bytes, 1);
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
        memset(input[t], t + 1, 256u << 20);
    }
    run_threads(2, run);
    uint64_t total = 0;
    for (size_t i = 0; i < ((size_t)1 << bits); i++)
        total += tables[0][i].count;
    if (!shared)
        for (size_t i = 0; i < ((size_t)1 << bits); i++)
            total += tables[1][i].count;
    printf("bits %d ahead %d %s work %d: %.2f / %.2f ns per update (2 threads), total %llu\n", bits, ahead,
           shared ? "SHARED atomic" : "private", work, times[0] / n * 1e9, times[1] / n * 1e9,
           (unsigned long long)total);
}
