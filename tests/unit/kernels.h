/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test fixtures: enum lockdown_reason as real kernels' BTF has it (kernel_enums.c, data only:
 * the fuzz harnesses use it too), and writers (kernels.c, cmocka) that turn a list of
 * enumerators into a raw BTF or ELF file for ld_reasons_load(). Shared by the unit tests.
 */
#ifndef LD_TEST_KERNELS_H
#define LD_TEST_KERNELS_H

#include <stdbool.h>
#include <stddef.h>

#include "reasons.h"

/* Enumerator names without LOCKDOWN_, values 0..n-1 in order. */
struct ld_test_kernel {
	const char *const *names;
	size_t count;
};

/* Debian bullseye 5.10.0-32 (5.10.223): 24 reasons, tracefs = 24, no xfrm_secret. */
extern const struct ld_test_kernel ld_test_k510;
/* 6.1 and later (bookworm, trixie, sid): 28 reasons, tracefs = 27. */
extern const struct ld_test_kernel ld_test_k61;

/* Write an enum named enum_name with LOCKDOWN_<names[i]> = i, plus an int, as raw BTF. */
void ld_test_write_btf(const char *path, const char *enum_name, const char *const *names, size_t n);

/*
 * The same with values[i] for names[i], written as they are (names without a "LOCKDOWN_" are
 * written as given when raw is true). Returns the raw BTF's size; the bytes go to path.
 */
size_t ld_test_write_btf_values(const char *path, const char *enum_name, const char *const *names,
				const long *values, size_t n, bool raw);

/* An ELF file (x86-64, no code) whose section .BTF (or another name) holds data. */
void ld_test_write_elf(const char *path, const char *section, const void *data, size_t len);

/* Write the kernel's BTF to path and load it into rs; fails the test on any error. */
void ld_test_load_kernel(const char *path, const struct ld_test_kernel *k, struct ld_reasons *rs);

#endif
