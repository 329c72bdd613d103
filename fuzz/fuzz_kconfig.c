// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer harness for the kernel config parser (ld_kconfig_parse(), what --kconfig,
 * /proc/config.gz and /boot/config-* go through once read): any bytes as a config. What must
 * hold: an error leaves nothing allocated and says why; a success has at least one option,
 * every entry of the table has a well-formed name and a value and is found by
 * ld_kconfig_get(), the count is the table's, and the version header parses as it says.
 *
 * Seeds: the four Debian kernels' configs, cut into pieces (fuzz/run makes them) and the
 * excerpts in fuzz/corpus/kconfig.
 */
#include <string.h>

#include "audit/kconfig.h"
#include "fuzz.h"

static int valid_name(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		      (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ld_kconfig kc;
	char why[256], *copy;
	size_t seen = 0;

	why[0] = '\0';
	if (ld_kconfig_parse(&kc, (const char *)data, size, why, sizeof(why)) != 0) {
		CHECK(why[0] != '\0');
		CHECK(kc.text == NULL && kc.tab == NULL && kc.count == 0);
	} else {
		CHECK(kc.count > 0 && kc.count * 2 <= kc.cap);
		for (size_t i = 0; i < kc.cap; i++) {
			const struct ld_kconfig_ent *e = &kc.tab[i];

			if (!e->name)
				continue;
			seen++;
			CHECK(valid_name(e->name));
			CHECK(e->value != NULL);
			CHECK(ld_kconfig_get(&kc, e->name) == e->value);
		}
		CHECK(seen == kc.count);
		CHECK(strlen(kc.version) < sizeof(kc.version));
		CHECK(kc.kver == 0 || ld_kver_parse(kc.version) == kc.kver);
		CHECK(kc.bad_lines == 0 || kc.first_bad_line > 0);
		ld_kconfig_get(&kc, "MODULE_SIG_FORCE");
		ld_kconfig_get(&kc, "");
		ld_kconfig_free(&kc);
	}
	/* The version parser on the input as a string. */
	copy = malloc(size + 1);
	CHECK(copy);
	memcpy(copy, data, size);
	copy[size] = '\0';
	ld_kver_parse(copy);
	free(copy);
	return 0;
}
