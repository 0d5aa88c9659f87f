// Shim for the COpenBLAS system-library module. No API of its own: it only
// brings OpenBLAS's CBLAS (libopenblas-dev) and LAPACKE (liblapacke-dev) into
// Swift for the LinearAlgebra module. The guard name is unique on purpose: a
// guard called CBLAS_H would collide with OpenBLAS's own and yield an empty module.
#ifndef LOCAL_CURRENCY_IMPACT_COPENBLAS_SHIM_H
#define LOCAL_CURRENCY_IMPACT_COPENBLAS_SHIM_H
#include <cblas.h>
#include <lapacke.h>
#endif
