// SPDX-License-Identifier: GPL-2.0-only
/*
 * fsops-loop: the file operations a sealed enforcer's guards sit on, timed in a loop. Prints
 * "fsops-loop: OP N ops, NS ns/op". Used by bench/seal-overhead inside a VM.
 *
 *   fsops-loop OP N DIR
 *     unlink-create  create DIR/f (opened for writing), close, unlink
 *     rename         rename DIR/a to DIR/b and back (two renames per op)
 *     open-write     open DIR/w for writing, close
 *     mmap-exec      map DIR/x with PROT_EXEC, unmap
 *     stat           stat DIR/f (no guard sits there: the control for drift between phases)
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int fail(const char *what)
{
	fprintf(stderr, "fsops-loop: %s: %s\n", what, strerror(errno));
	return 1;
}

int main(int argc, char **argv)
{
	char f[4096], a[4096], b[4096];
	struct timespec t0, t1;
	long n;
	int fd = -1;

	if (argc != 4)
		return fprintf(stderr, "usage: fsops-loop OP N DIR\n"), 2;
	n = strtol(argv[2], NULL, 10);
	snprintf(f, sizeof(f), "%s/f", argv[3]);
	snprintf(a, sizeof(a), "%s/a", argv[3]);
	snprintf(b, sizeof(b), "%s/b", argv[3]);
	if (!strcmp(argv[1], "rename") && (fd = open(a, O_CREAT | O_WRONLY, 0644)) >= 0)
		close(fd);
	if ((!strcmp(argv[1], "open-write") || !strcmp(argv[1], "stat")) &&
	    (fd = open(f, O_CREAT | O_WRONLY, 0644)) >= 0)
		close(fd);
	if (!strcmp(argv[1], "mmap-exec")) {
		fd = open(f, O_CREAT | O_RDWR, 0755);
		if (fd < 0 || ftruncate(fd, 4096) != 0)
			return fail("creating the file to map");
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (long i = 0; i < n; i++) {
		if (!strcmp(argv[1], "unlink-create")) {
			int w = open(f, O_CREAT | O_WRONLY | O_CLOEXEC, 0644);

			if (w < 0)
				return fail("create");
			close(w);
			if (unlink(f) != 0)
				return fail("unlink");
		} else if (!strcmp(argv[1], "rename")) {
			if (rename(a, b) != 0 || rename(b, a) != 0)
				return fail("rename");
		} else if (!strcmp(argv[1], "open-write")) {
			int w = open(f, O_WRONLY | O_CLOEXEC);

			if (w < 0)
				return fail("open");
			close(w);
		} else if (!strcmp(argv[1], "stat")) {
			struct stat st;

			if (stat(f, &st) != 0)
				return fail("stat");
		} else if (!strcmp(argv[1], "mmap-exec")) {
			void *p = mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0);

			if (p == MAP_FAILED)
				return fail("mmap");
			munmap(p, 4096);
		} else {
			fprintf(stderr, "fsops-loop: unknown op %s\n", argv[1]);
			return 2;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("fsops-loop: %s %ld ops, %.0f ns/op\n", argv[1], n,
	       ((double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec)) /
		       (double)n);
	return 0;
}
