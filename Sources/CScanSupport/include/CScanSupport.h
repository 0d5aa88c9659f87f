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

#endif
