// SPDX-License-Identifier: GPL-2.0-only
/*
 * bpf-neighbour: act like another BPF user on the same machine, to check that lockdown's
 * pinned maps leave room for it. Sets RLIMIT_MEMLOCK to LIMIT KiB (default 64, the old
 * kernel default, as a BPF tool that does not raise it would run), creates a one-entry
 * array map and prints "bpf-neighbour: ok" or "bpf-neighbour: EPERM ..." (exit 0 / 1).
 *
 *   bpf-neighbour [LIMIT_KIB]
 */
#include <errno.h>
#include <linux/bpf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	unsigned long kib = argc > 1 ? strtoul(argv[1], NULL, 10) : 64;
	struct rlimit r = { kib * 1024, kib * 1024 };
	union bpf_attr attr;
	int fd;

	if (setrlimit(RLIMIT_MEMLOCK, &r) != 0) {
		printf("bpf-neighbour: setrlimit: %s\n", strerror(errno));
		return 2;
	}
	memset(&attr, 0, sizeof(attr));
	attr.map_type = BPF_MAP_TYPE_ARRAY;
	attr.key_size = 4;
	attr.value_size = 8;
	attr.max_entries = 1;
	fd = (int)syscall(SYS_bpf, BPF_MAP_CREATE, &attr, sizeof(attr));
	if (fd < 0) {
		printf("bpf-neighbour: %s creating a 1-entry array map under a %lu KiB "
		       "RLIMIT_MEMLOCK\n",
		       errno == EPERM ? "EPERM" : strerror(errno), kib);
		return 1;
	}
	close(fd);
	printf("bpf-neighbour: ok (map created under a %lu KiB RLIMIT_MEMLOCK)\n", kib);
	return 0;
}
