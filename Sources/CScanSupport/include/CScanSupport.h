// CPU hints and an atomic counter the Swift standard library does not expose (on macOS 13).
// only TransactionIO and Aggregates use it, inside their hot loops.
#ifndef LOCAL_CURRENCY_IMPACT_CSCANSUPPORT_H
#define LOCAL_CURRENCY_IMPACT_CSCANSUPPORT_H

/// Hints the CPU to bring the cache line at `p` in for writing (no fault on any address).
static inline void lci_prefetch_write(const void *p) { __builtin_prefetch(p, 1, 3); }

/// Hints the CPU to bring the cache line at `p` in for reading.
static inline void lci_prefetch_read(const void *p) { __builtin_prefetch(p, 0, 3); }

/// Adds `v` to `*p` atomically and returns the old value (relaxed order: a work counter).
static inline long lci_fetch_add(long *p, long v) { return __atomic_fetch_add(p, v, __ATOMIC_RELAXED); }


#if defined(__x86_64__)
#include <emmintrin.h>
#endif

/// Copies 192 bytes (eight 24-byte consumer updates) from `src` to `dst`, both 16-byte
/// aligned, with non-temporal stores where the CPU has them: the destination's lines are not
/// read first (no read-for-ownership) and do not displace the cache; `lci_store_fence` must
/// run before another thread reads them.
static inline void lci_stream_192(void *dst, const void *src) {
#if defined(__x86_64__)
    const __m128i *s = (const __m128i *)src;
    __m128i *d = (__m128i *)dst;
    for (int i = 0; i < 12; i++) _mm_stream_si128(d + i, _mm_load_si128(s + i));
#else
    __builtin_memcpy(dst, src, 192);
#endif
}

/// Orders the non-temporal stores before it with every store after it.
static inline void lci_store_fence(void) {
#if defined(__x86_64__)
    _mm_sfence();
#else
    __atomic_thread_fence(__ATOMIC_RELEASE);
#endif
}

#endif
