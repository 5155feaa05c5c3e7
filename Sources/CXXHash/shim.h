// XXH3, Debian's libxxhash-dev: the content hash Salient records for each file it writes.
#include <xxhash.h>
