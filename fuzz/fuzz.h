/* SPDX-License-Identifier: GPL-2.0-only */
/* What every harness in fuzz/ shares: CHECK(), an invariant that aborts (a crash report). */
#ifndef LD_FUZZ_H
#define LD_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define CHECK(x)                                                                                   \
	do {                                                                                       \
		if (!(x)) {                                                                        \
			fprintf(stderr, "fuzz: %s:%d: %s\n", __FILE__, __LINE__, #x);              \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
