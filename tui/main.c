/*
 * Opastin: guides people to public services through their life events.
 * Everything is in the library (see app.c); this is only the entry point.
 */
#include "config.h"

#include "app.h"
#include "secmem.h"

int
main(int argc, char **argv)
{
	/* Before anything allocates through jansson or OpenSSL. */
	secmem_install();
	return app_main(argc, argv);
}
