// Stand-alone measurement of the merchant table's update (MerchantTable.add): 32-byte entries
// in an open-addressing table on 2 MiB-aligned, huge-page-advised memory, linear probing,
// the home slot prefetched AHEAD updates ahead, 32 M updates to 80,000 random merchant keys
// (the 32 M-row benchmark log's count), single-threaded, in ns per update. It isolates what
// the table's load factor costs, which a whole scan's wall time hides in host noise.
//
//   cc -O2 -o /tmp/merchant_probe Benchmarks/experiments/merchant_probe.c
//   /tmp/merchant_probe 17 8     # 2^17 entries (4 MiB, load 0.61: the old ≤ 3/4 rule), lead 8
//   /tmp/merchant_probe 18 8     # 2^18 entries (8 MiB, load 0.31: the ≤ 3/8 rule), lead 8
//   /tmp/merchant_probe 19 8     # 2^19 entries (16 MiB, load 0.15)
//   /tmp/merchant_probe 17 0     # no prefetch
//
// Results on the 2-core VM (three runs each, sixth session): 13.9–15.3 ns at 2^17, 9.3 ns at
// 2^18, 4.2–5.7 ns at 2^19, 6.6–9.8 ns at 2^20; 19.4–19.8 ns at 2^17 without prefetch. A key
// past its home slot costs a mispredicted probe exit and, when the next slot is in the next
// line, a miss the prefetch did not cover.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

typedef struct { uint64_t key; int64_t amount; uint32_t count, cancellations, pair, padding; } Entry;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    int bits = argc > 1 ? atoi(argv[1]) : 17, ahead = argc > 2 ? atoi(argv[2]) : 8;
    size_t capacity = (size_t)1 << bits, bytes = capacity * sizeof(Entry), huge = 2u << 20;
    char *raw = mmap(NULL, bytes + huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) { perror("mmap"); return 1; }
    Entry *table = (Entry *)(((uintptr_t)raw + huge - 1) & ~(uintptr_t)(huge - 1));
    madvise(table, bytes, MADV_HUGEPAGE);
    memset(table, 0, bytes);
    size_t n = (size_t)32 << 20;
    uint64_t *keys = malloc(n * sizeof *keys), s = 88172645463325252ull;
    for (size_t i = 0; i < n; i++) {  // xorshift64: 80,000 distinct keys, id hashes like the scan's
        s ^= s << 13; s ^= s >> 7; s ^= s << 17;
        keys[i] = (s % 80000 + 1) * 0x9E3779B97F4A7C15ull;
    }
    uint64_t mask = capacity - 1;
    double t0 = now();
    for (size_t i = 0; i < n; i++) {
        if (ahead && i + ahead < n) __builtin_prefetch(&table[((keys[i + ahead] * 0x9E3779B97F4A7C15ull) >> 20) & mask], 1, 3);
        uint64_t k = keys[i];
        size_t j = ((k * 0x9E3779B97F4A7C15ull) >> 20) & mask;
        for (;;) {
            if (table[j].key == k) { table[j].amount += (int64_t)(i & 1023); table[j].count++; break; }
            if (table[j].key == 0) { table[j].key = k; table[j].amount = 1; table[j].count = 1; break; }
            j = (j + 1) & mask;
        }
    }
    printf("2^%d entries (%zu MiB, load %.2f), lead %d: %.2f ns per update\n", bits, bytes >> 20,
           80000.0 / capacity, ahead, (now() - t0) / n * 1e9);
    return 0;
}
