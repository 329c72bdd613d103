// SPDX-License-Identifier: GPL-2.0-only
#include <bpf/btf.h>

#include "fuzz.h"
#include "kernel.h"
#include "kernels.h" /* tests/unit: the enums of real kernels */

void fuzz_reasons(struct ld_reasons *rs)
{
	const struct ld_test_kernel *k = &ld_test_k61;
	struct btf *btf = btf__new_empty();
	char name[64], err[256];
	long long v = 0;

	CHECK(btf && btf__add_int(btf, "int", 4, BTF_INT_SIGNED) > 0 &&
	      btf__add_enum(btf, "lockdown_reason", 4) > 0);
	for (size_t i = 0; i < k->count; i++) {
		if (i == k->count - 1) /* before CONFIDENTIALITY_MAX */
			CHECK(btf__add_enum_value(btf, "LOCKDOWN_A_LATER_REASON", v++) == 0);
		snprintf(name, sizeof(name), "LOCKDOWN_%s", k->names[i]);
		CHECK(btf__add_enum_value(btf, name, v++) == 0);
	}
	if (ld_reasons_from_btf(btf, rs, err, sizeof(err)) != 0) {
		fprintf(stderr, "fuzz: the harness's reasons: %s\n", err);
		abort();
	}
	btf__free(btf);
}
