/* SPDX-License-Identifier: GPL-2.0-only */
/* The reasons the harnesses compile policies and render events against. */
#ifndef LD_FUZZ_KERNEL_H
#define LD_FUZZ_KERNEL_H

#include "reasons.h"

/*
 * enum lockdown_reason of a 6.1 kernel (bookworm's numbering, as in 6.12 and 7.2) plus one
 * reason the catalog does not know, numbered last as a later kernel would add it; read by
 * ld_reasons_from_btf() from BTF built here, as from a kernel. Aborts on failure.
 */
void fuzz_reasons(struct ld_reasons *rs);

#endif
