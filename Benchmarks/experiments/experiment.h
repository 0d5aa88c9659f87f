// What the stand-alone C experiments share: a monotonic clock, the scan's merchant key mix and
// entry layout, a 2 MiB-aligned zeroed table, and running a worker function on n threads.
// Include after <stdint.h>, <stdio.h>, <stdlib.h>, <string.h>, <sys/mman.h>, <time.h> (and
// <pthread.h> for run_threads).
#ifndef LCI_EXPERIMENT_H
#define LCI_EXPERIMENT_H

/// Seconds on the monotonic clock.
static inline double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/// A merchant's id hash, mixed like the scan's (`FieldParsers.mixIDWords`); never 0 (the empty
/// key). Keys that were only multiplied by the slot's own constant (before the twelfth session)
/// fell into clusters: 21 % of updates found their key outside the home line, against 9.7 % for
/// the scan's hashes of the benchmark log's 80,000 merchant ids.
static inline uint64_t mix(uint64_t a) {
    uint64_t h = (a * 0x9E3779B97F4A7C15ull) ^ (8 * 0xC2B2AE3D27D4EB4Full);
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    return h ? h : 1;
}

/// The scan's merchant entry (`MerchantTable.Entry`): 32 bytes, two per cache line.
typedef struct {
    uint64_t key;
    int64_t amount;
    uint32_t count, cancellations, pair, padding;
} Entry;

/// `bytes` of zeroed memory starting on a 2 MiB boundary, advised for transparent huge pages
/// (`huge` 1) or against them (0), like the scan's `HugePageMemory`. Exits on failure.
static inline void *aligned_table(size_t bytes, int huge) {
    size_t page = 2u << 20;
    char *raw = mmap(NULL, bytes + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) {
        perror("mmap");
        exit(1);
    }
    char *p = (char *)(((uintptr_t)raw + page - 1) & ~(uintptr_t)(page - 1));
    madvise(p, bytes, huge ? MADV_HUGEPAGE : MADV_NOHUGEPAGE);
    memset(p, 0, bytes);
    return p;
}

#ifdef PTHREAD_CREATE_JOINABLE
/// Runs `body(i)` for i in [0, n) on n threads (n ≤ 8) and waits for all of them.
static inline void run_threads(int n, void *(*body)(void *)) {
    pthread_t threads[8];
    for (int i = 0; i < n; i++)
        pthread_create(&threads[i], NULL, body, (void *)(intptr_t)i);
    for (int i = 0; i < n; i++)
        pthread_join(threads[i], NULL);
}
#endif

#endif
