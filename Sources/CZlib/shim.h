// Shim for zlib (Debian zlib1g-dev): gzip decompression for TransactionIO. No API of its own.
#ifndef LOCAL_CURRENCY_IMPACT_CZLIB_SHIM_H
#define LOCAL_CURRENCY_IMPACT_CZLIB_SHIM_H
#include <zlib.h>
#endif
