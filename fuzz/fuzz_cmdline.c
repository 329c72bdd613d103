// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer harness for the kernel command-line parser (/proc/cmdline, --cmdline): the
 * input up to its first NUL byte is the command line, what follows is a CONFIG_LSM value.
 * What must hold: parsing succeeds on any text; every parameter has a name and is found
 * again by name (the last one of that name wins); the LSM order fits its buffer and is a
 * comma list; booleans are -1, 0 or 1.
 *
 * Seeds: real command lines (Debian's installer and GRUB defaults, the VM tests', the
 * machine's own) in fuzz/corpus/cmdline.
 */
#include <string.h>

#include "audit/cmdline.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const keys[] = {
		"lockdown",	      "lsm",	 "security",
		"module.sig_enforce", "nokaslr", "kexec_load_disabled"
	};
	const char *cfg = NULL;
	struct ld_cmdline cl;
	char *text, order[512], small[8];
	size_t n;

	text = malloc(size + 1);
	CHECK(text);
	memcpy(text, data, size);
	text[size] = '\0';
	n = strlen(text);
	if (n + 1 < size)
		cfg = text + n + 1; /* NUL-terminated by text[size] */

	CHECK(ld_cmdline_parse(&cl, text) == 0);
	for (size_t i = 0; i < cl.count; i++) {
		const char *v = NULL;
		int b;

		CHECK(cl.params[i].name != NULL);
		CHECK(ld_cmdline_get(&cl, cl.params[i].name, &v));
		b = ld_parse_bool(cl.params[i].value);
		CHECK(b >= -1 && b <= 1);
	}
	for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
		ld_cmdline_get(&cl, keys[k], NULL);
	if (ld_cmdline_lsm_order(&cl, cfg, order, sizeof(order)) == 0) {
		CHECK(strlen(order) < sizeof(order));
		ld_list_has(order, "bpf");
		ld_list_has(order, "lockdown");
	}
	ld_cmdline_lsm_order(&cl, cfg, small, sizeof(small));
	CHECK(memchr(small, '\0', sizeof(small)) != NULL);
	ld_cmdline_free(&cl);
	free(text);
	return 0;
}
