// libpq, PostgreSQL's C client library: one connection, text parameters, one transaction.
#include <libpq-fe.h>
