// LMDB's C API, from Debian's liblmdb-dev (found through pkg-config "lmdb").
#include <lmdb.h>
