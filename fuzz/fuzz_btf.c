// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer harness for the BTF reason reader: any bytes as a --btf file (raw BTF in either
 * byte order, or an ELF file with a .BTF section), through ld_reasons_from_mem(), the code
 * ld_reasons_load() runs after its size checks. What must hold for every input: an error
 * fills nothing and says why in one line of safe text; a success gives reasons the tables
 * can hold (numbers below LD_REASONS, each once, names each once and well formed, classes
 * that agree with the markers), found again by name and by number.
 *
 * Seeds (fuzz/corpus/btf): enum lockdown_reason of the four Debian kernels, as raw BTF in
 * both byte orders and inside an ELF file (fuzz/seed-btf makes them).
 */
#include <string.h>

#include "fuzz.h"
#include "reasons.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ld_reasons rs;
	char err[512];
	int ret;

	err[0] = '\0';
	ret = ld_reasons_from_mem("fuzz.btf", data, size, &rs, err, sizeof(err));
	if (ret != 0) {
		CHECK(ret < 0);
		CHECK(rs.count == 0);
		CHECK(err[0] != '\0' && strncmp(err, "fuzz.btf: ", 10) == 0);
		CHECK(ld_text_ok(err, strlen(err)));
		return 0;
	}
	CHECK(rs.count >= 1 && rs.count <= LD_REASONS);
	CHECK(rs.integrity_max > 0 && rs.integrity_max < rs.confidentiality_max);
	CHECK(rs.confidentiality_max <= LD_REASONS);
	for (unsigned int i = 0; i < rs.count; i++) {
		const struct ld_reason *r = &rs.r[i];
		size_t n = strlen(r->name);

		CHECK(r->number > 0 && r->number < rs.confidentiality_max);
		CHECK(r->number != rs.integrity_max);
		CHECK(r->class == (r->number < rs.integrity_max ? LD_CLASS_INTEGRITY
								: LD_CLASS_CONFIDENTIALITY));
		CHECK(n > 0 && n < sizeof(r->name) && strlen(r->kernel_name) > 0);
		for (size_t k = 0; k < n; k++)
			CHECK((r->name[k] >= 'a' && r->name[k] <= 'z') ||
			      (r->name[k] >= '0' && r->name[k] <= '9') || r->name[k] == '_');
		CHECK(r->description != NULL);
		CHECK(ld_reason_by_name(&rs, r->name) == r);
		CHECK(ld_reason_by_number(&rs, r->number) == r);
		for (unsigned int j = 0; j < i; j++)
			CHECK(rs.r[j].number != r->number && strcmp(rs.r[j].name, r->name) != 0);
	}
	return 0;
}
