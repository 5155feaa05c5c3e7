// cairo's image (PNG) and SVG surfaces: one drawing routine writes both files.
#include <cairo.h>
#include <cairo-svg.h>
