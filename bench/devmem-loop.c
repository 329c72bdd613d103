// SPDX-License-Identifier: GPL-2.0-only
/*
 * devmem-loop: the cost of one lockdown decision, measured as N open("/dev/mem") calls.
 * Prints "devmem-loop: N calls, NS ns/call, D denied, A allowed" (allowed opens are
 * closed again). Used by bench/hook-overhead inside a VM.
 *
 *   devmem-loop [N]
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? strtol(argv[1], NULL, 10) : 20000;
	long denied = 0, allowed = 0, other = 0;
	struct timespec a, b;
	double ns;

	clock_gettime(CLOCK_MONOTONIC, &a);
	for (long i = 0; i < n; i++) {
		int fd = open("/dev/mem", O_RDONLY | O_CLOEXEC);

		if (fd >= 0) {
			allowed++;
			close(fd);
		} else if (errno == EPERM) {
			denied++;
		} else {
			other++;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	ns = ((double)(b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec)) / (double)n;
	printf("devmem-loop: %ld calls, %.0f ns/call, %ld denied, %ld allowed, %ld other\n", n, ns,
	       denied, allowed, other);
	return other ? 1 : 0;
}
