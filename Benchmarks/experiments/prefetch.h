// Prefetch hints for consumer_apply.swift (the package's CScanSupport has the same two).
static inline void pf_w(const void *p) { __builtin_prefetch(p, 1, 3); }
static inline void pf_r(const void *p) { __builtin_prefetch(p, 0, 3); }
