// SPDX-License-Identifier: GPL-2.0-only
/* mkbtf k61|k510 PATH: write a kernel's enum lockdown_reason as raw BTF (for tests/unit/cli). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "kernels.h"

int main(int argc, char **argv)
{
	const struct ld_test_kernel *k;

	if (argc != 3 || (strcmp(argv[1], "k61") != 0 && strcmp(argv[1], "k510") != 0)) {
		fprintf(stderr, "usage: mkbtf k61|k510 PATH\n");
		return 2;
	}
	k = strcmp(argv[1], "k61") == 0 ? &ld_test_k61 : &ld_test_k510;
	ld_test_write_btf(argv[2], "lockdown_reason", k->names, k->count);
	return 0;
}
