// SPDX-License-Identifier: GPL-2.0-only
#include "reasons.h"

#include <bpf/btf.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

/*
 * Descriptions are the kernel's own strings from lockdown_reasons[] in security/security.c,
 * so output matches the "Lockdown: comm: <description> is restricted" notices.
 */
const struct ld_catalog_entry ld_catalog[] = {
	{ "module_signature", LD_CLASS_INTEGRITY, "unsigned module loading" },
	{ "dev_mem", LD_CLASS_INTEGRITY, "/dev/mem,kmem,port" },
	{ "efi_test", LD_CLASS_INTEGRITY, "/dev/efi_test access" },
	{ "kexec", LD_CLASS_INTEGRITY, "kexec of unsigned images" },
	{ "hibernation", LD_CLASS_INTEGRITY, "hibernation" },
	{ "pci_access", LD_CLASS_INTEGRITY, "direct PCI access" },
	{ "ioport", LD_CLASS_INTEGRITY, "raw io port access" },
	{ "msr", LD_CLASS_INTEGRITY, "raw MSR access" },
	{ "acpi_tables", LD_CLASS_INTEGRITY, "modifying ACPI tables" },
	{ "device_tree", LD_CLASS_INTEGRITY, "modifying device tree contents" },
	{ "pcmcia_cis", LD_CLASS_INTEGRITY, "direct PCMCIA CIS storage" },
	{ "tiocsserial", LD_CLASS_INTEGRITY, "reconfiguration of serial port IO" },
	{ "module_parameters", LD_CLASS_INTEGRITY, "unsafe module parameters" },
	{ "mmiotrace", LD_CLASS_INTEGRITY, "unsafe mmio" },
	{ "debugfs", LD_CLASS_INTEGRITY, "debugfs access" },
	{ "xmon_wr", LD_CLASS_INTEGRITY, "xmon write access" },
	{ "bpf_write_user", LD_CLASS_INTEGRITY, "use of bpf to write user RAM" },
	{ "dbg_write_kernel", LD_CLASS_INTEGRITY, "use of kgdb/kdb to write kernel RAM" },
	{ "rtas_error_injection", LD_CLASS_INTEGRITY, "RTAS error injection" },
	{ "xen_user_actions", LD_CLASS_INTEGRITY, "Xen guest user action" },
	{ "kcore", LD_CLASS_CONFIDENTIALITY, "/proc/kcore access" },
	{ "kprobes", LD_CLASS_CONFIDENTIALITY, "use of kprobes" },
	{ "bpf_read_kernel", LD_CLASS_CONFIDENTIALITY, "use of bpf to read kernel RAM" },
	{ "dbg_read_kernel", LD_CLASS_CONFIDENTIALITY, "use of kgdb/kdb to read kernel RAM" },
	{ "perf", LD_CLASS_CONFIDENTIALITY, "unsafe use of perf" },
	{ "tracefs", LD_CLASS_CONFIDENTIALITY, "use of tracefs" },
	{ "xmon_rw", LD_CLASS_CONFIDENTIALITY, "xmon read and write access" },
	{ "xfrm_secret", LD_CLASS_CONFIDENTIALITY, "xfrm SA secret" },
};
const unsigned int ld_catalog_count = sizeof(ld_catalog) / sizeof(ld_catalog[0]);

/* Old spellings of a reason, mapped to the current enum name. */
static const struct {
	const char *old, *now;
} aliases[] = {
	/* LOCKDOWN_BPF_READ became LOCKDOWN_BPF_READ_KERNEL in 5.14 (and 5.10.y). */
	{ "bpf_read", "bpf_read_kernel" },
};

const char *ld_class_name(enum ld_class class)
{
	return class == LD_CLASS_CONFIDENTIALITY ? "confidentiality" : "integrity";
}

const char *ld_reason_canonical(const char *name)
{
	for (unsigned int i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (strcmp(name, aliases[i].old) == 0)
			return aliases[i].now;
	return name;
}

const struct ld_catalog_entry *ld_catalog_lookup(const char *name)
{
	name = ld_reason_canonical(name);
	for (unsigned int i = 0; i < ld_catalog_count; i++)
		if (strcmp(ld_catalog[i].name, name) == 0)
			return &ld_catalog[i];
	return NULL;
}

const struct ld_reason *ld_reason_by_name(const struct ld_reasons *rs, const char *name)
{
	name = ld_reason_canonical(name);
	for (unsigned int i = 0; i < rs->count; i++)
		if (strcmp(rs->r[i].name, name) == 0)
			return &rs->r[i];
	return NULL;
}

const struct ld_reason *ld_reason_by_number(const struct ld_reasons *rs, unsigned int number)
{
	for (unsigned int i = 0; i < rs->count; i++)
		if (rs->r[i].number == number)
			return &rs->r[i];
	return NULL;
}

/* "LOCKDOWN_DEV_MEM" -> "dev_mem"; returns false if the prefix is missing or it is too long. */
static bool strip_enum_name(const char *enum_name, char *out, size_t len)
{
	static const char prefix[] = "LOCKDOWN_";
	size_t n;

	if (strncmp(enum_name, prefix, sizeof(prefix) - 1) != 0)
		return false;
	enum_name += sizeof(prefix) - 1;
	n = strlen(enum_name);
	if (n == 0 || n >= len)
		return false;
	for (size_t i = 0; i <= n; i++)
		out[i] = (char)tolower((unsigned char)enum_name[i]);
	return true;
}

int ld_reasons_from_btf(const struct btf *btf, struct ld_reasons *out, char *err, size_t errlen)
{
	const struct btf_type *t;
	const struct btf_enum *e;
	long integrity_max = -1, confidentiality_max = -1;
	__s32 id;
	int vlen;

	memset(out, 0, sizeof(*out));
	id = btf__find_by_name_kind(btf, "lockdown_reason", BTF_KIND_ENUM);
	if (id < 0) {
		snprintf(err, errlen,
			 "no enum lockdown_reason in the BTF (kernel without the lockdown LSM?)");
		return -ENOENT;
	}
	t = btf__type_by_id(btf, (__u32)id);
	e = btf_enum(t);
	vlen = btf_vlen(t);

	/* The class markers first: every reason's class is relative to them. */
	for (int i = 0; i < vlen; i++) {
		const char *n = btf__name_by_offset(btf, e[i].name_off);

		if (n && strcmp(n, "LOCKDOWN_INTEGRITY_MAX") == 0)
			integrity_max = e[i].val;
		else if (n && strcmp(n, "LOCKDOWN_CONFIDENTIALITY_MAX") == 0)
			confidentiality_max = e[i].val;
	}
	if (integrity_max < 0 || confidentiality_max <= integrity_max) {
		snprintf(err, errlen,
			 "enum lockdown_reason lacks LOCKDOWN_INTEGRITY_MAX/CONFIDENTIALITY_MAX");
		return -EINVAL;
	}
	if (confidentiality_max >= LD_REASON_SLOTS) {
		snprintf(err, errlen,
			 "enum lockdown_reason has %ld values; at most %d are supported",
			 confidentiality_max, LD_REASON_SLOTS - 1);
		return -E2BIG;
	}
	out->integrity_max = (unsigned int)integrity_max;
	out->confidentiality_max = (unsigned int)confidentiality_max;

	for (int i = 0; i < vlen; i++) {
		const char *n = btf__name_by_offset(btf, e[i].name_off);
		const struct ld_catalog_entry *cat;
		struct ld_reason *r;
		char lower[48];

		if (!n || !strip_enum_name(n, lower, sizeof(lower))) {
			snprintf(err, errlen, "unexpected enumerator '%s' in enum lockdown_reason",
				 n ? n : "?");
			return -EINVAL;
		}
		/* Skip LOCKDOWN_NONE and the two class markers: they are not operations. */
		if (e[i].val <= 0 || e[i].val == integrity_max || e[i].val >= confidentiality_max)
			continue;
		r = &out->r[out->count++];
		r->number = (unsigned int)e[i].val;
		snprintf(r->kernel_name, sizeof(r->kernel_name), "%s", lower);
		snprintf(r->name, sizeof(r->name), "%s", ld_reason_canonical(lower));
		r->class = e[i].val < integrity_max ? LD_CLASS_INTEGRITY : LD_CLASS_CONFIDENTIALITY;
		cat = ld_catalog_lookup(r->name);
		r->description =
			cat ? cat->description : "(not described by this lockdown version)";
	}
	return 0;
}

int ld_reasons_load(const char *path, struct ld_reasons *out, char *err, size_t errlen)
{
	struct btf *btf;
	int ret;

	if (!path)
		path = LD_DEFAULT_BTF;
	btf = btf__parse(path, NULL);
	if (!btf) {
		int e = errno ? errno : EINVAL;

		if (e == ENOENT)
			snprintf(err, errlen, "%s: no such file%s", path,
				 strcmp(path, LD_DEFAULT_BTF) == 0
					 ? " (kernel built without CONFIG_DEBUG_INFO_BTF?)"
					 : "");
		else
			snprintf(err, errlen, "%s: cannot read BTF: %s", path, strerror(e));
		return -e;
	}
	ret = ld_reasons_from_btf(btf, out, err, errlen);
	if (ret) {
		char tmp[256];

		snprintf(tmp, sizeof(tmp), "%s: %s", path, err);
		snprintf(err, errlen, "%s", tmp);
	}
	btf__free(btf);
	return ret;
}

static unsigned int edit_distance(const char *a, const char *b)
{
	unsigned int prev[64], cur[64];
	size_t la = strlen(a), lb = strlen(b);

	if (la >= 63 || lb >= 63)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		prev[j] = (unsigned int)j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = (unsigned int)i;
		for (size_t j = 1; j <= lb; j++) {
			unsigned int sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			unsigned int del = prev[j] + 1, ins = cur[j - 1] + 1;

			cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
		}
		memcpy(prev, cur, sizeof(prev));
	}
	return prev[lb];
}

const char *ld_reason_suggest(const char *name)
{
	const char *best = NULL, *prefix_hit = NULL;
	unsigned int best_d = 4, prefix_hits = 0;
	size_t n = strlen(name);

	for (unsigned int i = 0; i < ld_catalog_count; i++) {
		unsigned int d = edit_distance(name, ld_catalog[i].name);

		if (d < best_d) {
			best_d = d;
			best = ld_catalog[i].name;
		}
		if (n >= 3 && strncmp(ld_catalog[i].name, name, n) == 0) {
			prefix_hit = ld_catalog[i].name;
			prefix_hits++;
		}
	}
	if (best && best_d <= (n > 4 ? 3u : 1u))
		return best;
	return prefix_hits == 1 ? prefix_hit : NULL;
}
