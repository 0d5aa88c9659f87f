// Everything is static inline in the header; this file exists so SwiftPM builds the target.
#include "CScanSupport.h"
