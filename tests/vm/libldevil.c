// SPDX-License-Identifier: GPL-2.0-only
/*
 * libldevil.so: the attacker's library for LD_PRELOAD, LD_LIBRARY_PATH and dlopen() tests. Its
 * constructor opens /dev/mem as soon as it is loaded into a process, and appends the outcome
 * to $LDEVIL_OUT: "allowed" means the library borrowed its host process's exemption.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

__attribute__((constructor)) static void borrow(void)
{
	const char *out = getenv("LDEVIL_OUT");
	int fd = open("/dev/mem", O_RDONLY | O_CLOEXEC);
	FILE *f;

	if (!out || !(f = fopen(out, "a")))
		return;
	fprintf(f, "libldevil dev_mem %s\n",
		fd >= 0		 ? "allowed"
		: errno == EPERM ? "denied"
				 : "error");
	fclose(f);
	if (fd >= 0)
		close(fd);
}
