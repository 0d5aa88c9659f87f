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
//   /tmp/merchant_probe 18 8 1   # homes only on a line's first entry (tried in the twelfth
//                                # session, not kept); every run prints how many updates found
//                                # their key outside the prefetched line
//
// Results on the 2-core VM (three runs each, sixth session, with the old keys; see `mix`): 13.9–15.3 ns at 2^17, 9.3 ns at
// 2^18, 4.2–5.7 ns at 2^19, 6.6–9.8 ns at 2^20; 19.4–19.8 ns at 2^17 without prefetch. A key
// past its home slot costs a mispredicted probe exit and, when the next slot is in the next
// line, a miss the prefetch did not cover. Twelfth session, with keys mixed like the scan's
// (ten alternating runs, lead 8): homes on any entry 6.9–11.8 ns (median about 8.4), key
// outside the home line in 9.8 % of updates; homes on first entries 9.2–15.1 ns (median about
// 11), outside 4.9 %, but 0.341 extra probes an update against 0.219. Probably the line after
// the home line mostly arrives anyway (the L2 prefetches adjacent lines), so the extra probes
// and their mispredicted exits decide.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "experiment.h"

int main(int argc, char **argv) {
    int bits = argc > 1 ? atoi(argv[1]) : 17, ahead = argc > 2 ? atoi(argv[2]) : 8;
    int even = argc > 3 ? atoi(argv[3]) : 0;
    size_t capacity = (size_t)1 << bits, bytes = capacity * sizeof(Entry);
    Entry *table = aligned_table(bytes, 1);
    size_t n = (size_t)32 << 20;
    uint64_t *keys = malloc(n * sizeof *keys), s = 88172645463325252ull;
    for (size_t i = 0; i < n; i++) {  // xorshift64 picks one of 80,000 merchants
        s ^= s << 13; s ^= s >> 7; s ^= s << 17;
        keys[i] = mix(s % 80000 + 1);
    }
    uint64_t mask = capacity - 1, home = even ? mask & ~(uint64_t)1 : mask;
    size_t outside = 0;
    double t0 = now();
    for (size_t i = 0; i < n; i++) {
        if (ahead && i + ahead < n) __builtin_prefetch(&table[((keys[i + ahead] * 0x9E3779B97F4A7C15ull) >> 20) & home], 1, 3);
        uint64_t k = keys[i];
        size_t j = ((k * 0x9E3779B97F4A7C15ull) >> 20) & home, line = j >> 1;
        for (;;) {
            if (table[j].key == k) { table[j].amount += (int64_t)(i & 1023); table[j].count++; break; }
            if (table[j].key == 0) { table[j].key = k; table[j].amount = 1; table[j].count = 1; break; }
            j = (j + 1) & mask;
        }
        outside += (j >> 1) != line;
    }
    double t1 = now();
    printf("2^%d entries (%zu MiB, load %.2f), lead %d, homes on %s: %.2f ns per update; "
           "key outside the home line in %.1f %% of updates\n", bits, bytes >> 20, 80000.0 / capacity, ahead,
           even ? "first entries" : "any entry", (t1 - t0) / n * 1e9, 100.0 * outside / n);
    return 0;
}
