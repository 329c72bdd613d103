// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer harness for the small value parsers and for what shows their values. The first
 * byte picks one, the rest is its input:
 *   0  a sysctl file (ld_sysctl_parse): a number read back prints and parses the same
 *   1  securityfs "lockdown" (ld_parse_level)
 *   2  securityfs "lsm" (ld_parse_lsm_list, ld_lsm_bpf_param)
 *   3  an EFI variable (ld_parse_efivar_u8)
 *   4  /proc/self/mountinfo (ld_mounts_parse): refused whole, or every mount has its fields
 *   5  text for a terminal (ld_escape, ld_safe) and for JSON (ld_json_text): always
 *      printable UTF-8, never cut inside an escape, and JSON that parses back
 *   6  a kernel config and a command line (split at the first NUL byte) through every
 *      check of the audit: a known status and evidence that fits its buffer
 *
 * Seeds (fuzz/corpus/values): real securityfs, sysctl, EFI and mountinfo contents, each
 * behind its selector byte.
 */
#include <string.h>

#include "audit/audit.h"
#include "fuzz.h"
#include "kstate.h"
#include "mountinfo.h"
#include "util.h"

static void sysctl(const char *s)
{
	long long v, w;
	char buf[32];

	if (ld_sysctl_parse(s, &v) != 0)
		return;
	snprintf(buf, sizeof(buf), "%lld\n", v);
	CHECK(ld_sysctl_parse(buf, &w) == 0 && w == v);
}

static void lsm_list(const char *s)
{
	struct ld_lsm_list l;
	char param[64], big[2048];

	if (ld_parse_lsm_list(s, &l) != 0)
		return;
	CHECK(l.count >= 1 && l.count <= LD_MAX_LSMS);
	for (unsigned int i = 0; i < l.count; i++) {
		size_t n = strlen(l.names[i]);

		CHECK(n > 0 && n < sizeof(l.names[0]));
		CHECK(!strchr(l.names[i], ',') && !strchr(l.names[i], '\n'));
		CHECK(ld_lsm_list_has(&l, l.names[i]));
	}
	ld_lsm_bpf_param(&l, param, sizeof(param));
	CHECK(ld_lsm_bpf_param(&l, big, sizeof(big)) == 0);
	CHECK(strncmp(big, "lsm=", 4) == 0);
}

static void mountinfo(const uint8_t *data, size_t size)
{
	char *copy = malloc(size + 1);
	struct ld_mounts ms;

	CHECK(copy);
	memcpy(copy, data, size);
	copy[size] = '\0';
	if (ld_mounts_parse(copy, size, &ms) != 0)
		return; /* refused whole; the text is freed */
	for (size_t i = 0; i < ms.n; i++) {
		const struct ld_mount *m = &ms.m[i];

		CHECK(m->fstype && m->root && m->mountpoint);
		CHECK(strlen(m->mountpoint) <= size && ld_mounts_by_id(&ms, m->id));
	}
	ld_mounts_by_fstype(&ms, "securityfs");
	ld_mounts_free(&ms);
}

static void text(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t need = ld_escape(NULL, 0, s, size), cut = size ? data[0] % 64 : 0;
	char *full = malloc(need + 1), part[64];
	struct json_object *o, *back;
	char *json, *z;

	CHECK(full);
	CHECK(ld_escape(full, need + 1, s, size) == need);
	CHECK(strlen(full) == need || memchr(s, '\0', size));
	CHECK(ld_text_ok(full, strlen(full)));
	/* Cut short: a prefix of the whole, ending on a whole piece. */
	ld_escape(part, cut + 1, s, size);
	CHECK(strncmp(full, part, strlen(part)) == 0 && strlen(part) <= cut);
	CHECK(ld_text_prefix(s, size) <= size);
	free(full);

	z = malloc(size + 1);
	CHECK(z);
	memcpy(z, data, size);
	z[size] = '\0';
	CHECK(ld_text_ok(ld_safe(z), strlen(ld_safe(z))));
	o = json_object_new_object();
	json_object_object_add(o, "s", json_object_new_string_len(s, (int)size));
	json_object_object_add(o, "z", json_object_new_string(z));
	json = ld_json_text(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
	CHECK(json && ld_text_ok(json, strlen(json)));
	back = json_tokener_parse(json);
	CHECK(back != NULL);
	json_object_put(back);
	free(json);
	json_object_put(o);
	free(z);
}

static void audit(const uint8_t *data, size_t size)
{
	struct ld_audit_input *in = calloc(1, sizeof(*in));
	const char *nul = memchr(data, '\0', size);
	size_t klen = nul ? (size_t)(nul - (const char *)data) : size;
	char *cmd, why[256];

	CHECK(in);
	in->offline = true;
	in->version_match = -1;
	snprintf(in->sysctl_why, sizeof(in->sysctl_why), "not given");
	in->sysctl_excluded = true;
	if (ld_kconfig_parse(&in->kconfig, (const char *)data, klen, why, sizeof(why)) == 0) {
		in->have_kconfig = true;
		in->kver = in->kconfig.kver;
	} else {
		snprintf(in->kconfig_why, sizeof(in->kconfig_why), "%s", why);
	}
	cmd = nul ? strndup(nul + 1, size - klen - 1) : NULL;
	if (cmd && ld_cmdline_parse(&in->cmdline, cmd) == 0)
		in->have_cmdline = true;
	else
		snprintf(in->cmdline_why, sizeof(in->cmdline_why), "not given");
	free(cmd);
	for (int p = 0; p < LD_PROFILE_N; p++) {
		for (size_t i = 0; i < ld_checks_count; i++) {
			struct ld_result r;

			if (ld_checks[i].sev[p] == LD_SEV_NONE)
				continue;
			ld_check_eval(&ld_checks[i], (enum ld_profile)p, in, &r);
			CHECK(r.status < LD_ST_N);
			CHECK(memchr(r.evidence, '\0', sizeof(r.evidence)) != NULL);
		}
	}
	ld_audit_input_free(in);
	free(in);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum ld_level level;
	uint8_t v;
	char *s;

	if (size == 0)
		return 0;
	s = malloc(size);
	CHECK(s);
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';
	switch (data[0] % 7) {
	case 0:
		sysctl(s);
		break;
	case 1:
		if (ld_parse_level(s, &level) == 0)
			CHECK(ld_level_name(level) != NULL);
		break;
	case 2:
		lsm_list(s);
		break;
	case 3:
		if (ld_parse_efivar_u8(data + 1, size - 1, &v) == 0)
			CHECK(size - 1 >= 5 && v == data[5]);
		break;
	case 4:
		mountinfo(data + 1, size - 1);
		break;
	case 5:
		text(data + 1, size - 1);
		break;
	case 6:
		audit(data + 1, size - 1);
		break;
	}
	free(s);
	return 0;
}
