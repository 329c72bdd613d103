// SPDX-License-Identifier: GPL-2.0-only
#include "reasons.h"
#include "libbpf_log.h"
#include "util.h"

#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

int ld_reason_name_fold(const char *name, char *out, size_t len)
{
	size_t i;

	for (i = 0; name[i] && i + 1 < len; i++)
		out[i] = (char)tolower((unsigned char)name[i]);
	if (len)
		out[i] = '\0';
	return name[i] ? -ENAMETOOLONG : 0;
}

bool ld_reason_in_group(const struct ld_reason *r, const char *name)
{
	if (!strcmp(name, "all"))
		return true;
	if (!strcmp(name, "integrity"))
		return r->class == LD_CLASS_INTEGRITY;
	if (!strcmp(name, "confidentiality"))
		return r->class == LD_CLASS_CONFIDENTIALITY;
	return false;
}

bool ld_reason_group(const struct ld_reasons *rs, const char *name, __u64 *mask)
{
	if (strcmp(name, "all") && strcmp(name, "integrity") && strcmp(name, "confidentiality"))
		return false;
	*mask = 0;
	for (unsigned int i = 0; i < rs->count; i++)
		if (rs->r[i].number < 64 && ld_reason_in_group(&rs->r[i], name))
			*mask |= 1ull << rs->r[i].number;
	return true;
}

const struct ld_reason *ld_reason_by_number(const struct ld_reasons *rs, unsigned int number)
{
	for (unsigned int i = 0; i < rs->count; i++)
		if (rs->r[i].number == number)
			return &rs->r[i];
	return NULL;
}

/* Sets of reasons are 64-bit masks in the compiler and explain: bit n is reason number n. */
_Static_assert(LD_REASONS <= 64, "a reason mask holds every reason number");

#define ENUM_PREFIX	"LOCKDOWN_"
/* More enumerators than this is no kernel's enum (reasons, NONE and the two markers fit). */
#define MAX_ENUMERATORS (LD_REASONS + 1)

/* "LOCKDOWN_DEV_MEM" -> "dev_mem"; false unless LOCKDOWN_ then 1..len-1 of [A-Z0-9_]. */
static bool strip_enum_name(const char *enum_name, char *out, size_t len)
{
	size_t n;

	if (strncmp(enum_name, ENUM_PREFIX, sizeof(ENUM_PREFIX) - 1) != 0)
		return false;
	enum_name += sizeof(ENUM_PREFIX) - 1;
	n = strnlen(enum_name, len);
	if (n == 0 || n >= len)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = enum_name[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
			return false;
		out[i] = (char)tolower((unsigned char)c);
	}
	out[n] = '\0';
	return true;
}

__attribute__((format(printf, 3, 4))) static int fail(char *err, size_t errlen, const char *fmt,
						      ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

/* An enumerator's name for a message: escaped and cut short. */
static const char *shown(const char *name)
{
	static char buf[2][80];
	static unsigned int k;
	char *b = buf[k++ % 2];

	if (!name)
		return "(no name)";
	ld_escape(b, sizeof(buf[0]), name, strnlen(name, 200));
	return b;
}

int ld_reasons_from_btf(const struct btf *btf, struct ld_reasons *out, char *err, size_t errlen)
{
	const char *names[MAX_ENUMERATORS];
	const char *by_value[LD_REASONS + 1] = { 0 };
	long integrity_max = -1, confidentiality_max = -1;
	const struct btf_type *t = NULL;
	const struct btf_enum *e;
	unsigned int ntypes, id = 0;
	int vlen;

	memset(out, 0, sizeof(*out));
	/* Exactly one enum of that name: with two, the answer would be a guess. */
	ntypes = btf__type_cnt(btf);
	for (unsigned int i = 1; i < ntypes; i++) {
		const struct btf_type *x = btf__type_by_id(btf, i);
		const char *n;

		if (!x || !btf_is_any_enum(x))
			continue;
		n = btf__name_by_offset(btf, x->name_off);
		if (!n || strcmp(n, "lockdown_reason") != 0)
			continue;
		if (!btf_is_enum(x))
			return fail(err, errlen,
				    "enum lockdown_reason is a 64-bit enum: not a "
				    "kernel's");
		if (t)
			return fail(err, errlen,
				    "two enums named lockdown_reason (types %u and %u)", id, i);
		t = x;
		id = i;
	}
	if (!t) {
		snprintf(err, errlen,
			 "no enum lockdown_reason in the BTF (kernel without the lockdown LSM?)");
		return -ENOENT;
	}
	e = btf_enum(t);
	vlen = btf_vlen(t);
	if (vlen == 0)
		return fail(err, errlen, "enum lockdown_reason is empty");
	if (vlen > MAX_ENUMERATORS) {
		snprintf(err, errlen,
			 "enum lockdown_reason has %d enumerators; this lockdown holds reason "
			 "numbers "
			 "below %d (LD_REASONS): the kernel has more reasons than it can hold",
			 vlen, LD_REASONS);
		return -E2BIG;
	}

	/* Names: well formed and each once; the class markers. */
	for (int i = 0; i < vlen; i++) {
		const char *n = btf__name_by_offset(btf, e[i].name_off);
		char lower[sizeof(out->r[0].name)];

		if (!n || !strip_enum_name(n, lower, sizeof(lower)))
			return fail(err, errlen,
				    "enumerator %d of enum lockdown_reason, '%s', is not LOCKDOWN_ "
				    "and 1 to %zu upper-case letters, digits and _",
				    i, shown(n), sizeof(lower) - 1);
		names[i] = n;
		for (int j = 0; j < i; j++)
			if (strcmp(names[j], n) == 0)
				return fail(err, errlen, "enum lockdown_reason has %s twice",
					    shown(n));
		if (e[i].val < 0)
			return fail(err, errlen,
				    "enum lockdown_reason: %s has a negative value (%d)", shown(n),
				    e[i].val);
		if (strcmp(n, ENUM_PREFIX "INTEGRITY_MAX") == 0)
			integrity_max = e[i].val;
		else if (strcmp(n, ENUM_PREFIX "CONFIDENTIALITY_MAX") == 0)
			confidentiality_max = e[i].val;
	}
	if (integrity_max < 0 || confidentiality_max < 0)
		return fail(
			err, errlen,
			"enum lockdown_reason lacks LOCKDOWN_INTEGRITY_MAX/CONFIDENTIALITY_MAX");
	if (integrity_max == 0 || confidentiality_max <= integrity_max)
		return fail(err, errlen,
			    "enum lockdown_reason: the class markers are out of order "
			    "(LOCKDOWN_INTEGRITY_MAX = %ld, LOCKDOWN_CONFIDENTIALITY_MAX = %ld)",
			    integrity_max, confidentiality_max);
	if (confidentiality_max > LD_REASONS) {
		snprintf(err, errlen,
			 "enum lockdown_reason has reason numbers up to %ld; this lockdown holds "
			 "numbers below %d (LD_REASONS): the kernel has more reasons than it can "
			 "hold",
			 confidentiality_max - 1, LD_REASONS);
		return -E2BIG;
	}
	/* Values: each once, none after the last class. */
	for (int i = 0; i < vlen; i++) {
		long v = e[i].val;

		if (v > confidentiality_max)
			return fail(err, errlen,
				    "enum lockdown_reason: %s = %ld comes after "
				    "LOCKDOWN_CONFIDENTIALITY_MAX (%ld), in a class this lockdown "
				    "does not know",
				    shown(names[i]), v, confidentiality_max);
		if (by_value[v])
			return fail(err, errlen,
				    "enum lockdown_reason: %s and %s have the same value %ld",
				    shown(by_value[v]), shown(names[i]), v);
		by_value[v] = names[i];
	}

	out->integrity_max = (unsigned int)integrity_max;
	out->confidentiality_max = (unsigned int)confidentiality_max;
	for (int i = 0; i < vlen; i++) {
		long v = e[i].val;
		const struct ld_catalog_entry *cat;
		struct ld_reason *r;
		char lower[sizeof(out->r[0].name)];

		/* LOCKDOWN_NONE and the two class markers are not operations. */
		if (v == 0 || v == integrity_max || v == confidentiality_max)
			continue;
		if (out->count >= LD_REASONS) { /* unreachable after the checks above */
			memset(out, 0, sizeof(*out));
			return fail(err, errlen, "enum lockdown_reason: more than %d reasons",
				    LD_REASONS);
		}
		strip_enum_name(names[i], lower, sizeof(lower));
		r = &out->r[out->count++];
		r->number = (unsigned int)v;
		snprintf(r->kernel_name, sizeof(r->kernel_name), "%s", lower);
		snprintf(r->name, sizeof(r->name), "%s", ld_reason_canonical(lower));
		r->class = v < integrity_max ? LD_CLASS_INTEGRITY : LD_CLASS_CONFIDENTIALITY;
		cat = ld_catalog_lookup(r->name);
		r->description =
			cat ? cat->description : "(not described by this lockdown version)";
	}
	/* Both spellings of one reason (BPF_READ and BPF_READ_KERNEL) would be one name twice. */
	for (unsigned int i = 0; i < out->count; i++) {
		for (unsigned int j = 0; j < i; j++) {
			if (strcmp(out->r[i].name, out->r[j].name) != 0)
				continue;
			fail(err, errlen,
			     "enum lockdown_reason has two names of reason %s: %s and %s",
			     out->r[i].name, out->r[j].kernel_name, out->r[i].kernel_name);
			memset(out, 0, sizeof(*out));
			return -EINVAL;
		}
	}
	return 0;
}

/* libbpf's own messages ("libbpf: ..." lines) stay out of the tool's output. */
static bool is_raw_btf(const unsigned char *p, size_t n)
{
	/* BTF_MAGIC 0xeB9F, in either byte order. */
	return n >= 2 && ((p[0] == 0x9f && p[1] == 0xeb) || (p[0] == 0xeb && p[1] == 0x9f));
}

static bool is_elf(const unsigned char *p, size_t n)
{
	return n >= SELFMAG && memcmp(p, ELFMAG, SELFMAG) == 0;
}

static int from_raw(const char *name, const void *data, size_t n, struct ld_reasons *out, char *err,
		    size_t errlen)
{
	struct btf *btf;
	char why[320];
	int ret;

	ld_libbpf_log_install(); /* a malformed file is reported below, not by libbpf */
	btf = btf__new(data, (__u32)n);

	if (!btf) {
		snprintf(err, errlen,
			 "%s: malformed BTF (its header, types and strings do not hold together)",
			 name);
		return -EINVAL;
	}
	ret = ld_reasons_from_btf(btf, out, why, sizeof(why));
	btf__free(btf);
	if (ret)
		snprintf(err, errlen, "%s: %s", name, why);
	return ret;
}

/* The .BTF section of an ELF file: its size checked, then parsed as raw BTF. */
static int from_elf(const char *name, Elf *elf, struct ld_reasons *out, char *err, size_t errlen)
{
	Elf_Scn *scn = NULL;
	size_t shstrndx;

	if (!elf || elf_kind(elf) != ELF_K_ELF || elf_getshdrstrndx(elf, &shstrndx) != 0) {
		snprintf(err, errlen, "%s: a damaged ELF file", name);
		return -EINVAL;
	}
	while ((scn = elf_nextscn(elf, scn)) != NULL) {
		const char *sname;
		Elf_Data *data;
		GElf_Shdr sh;

		if (!gelf_getshdr(scn, &sh))
			break;
		sname = elf_strptr(elf, shstrndx, sh.sh_name);
		if (!sname || strcmp(sname, ".BTF") != 0)
			continue;
		if (sh.sh_type == SHT_NOBITS || sh.sh_size == 0) {
			snprintf(err, errlen, "%s: its .BTF section is empty", name);
			return -EINVAL;
		}
		if (sh.sh_size > LD_BTF_MAX_BYTES) {
			snprintf(err, errlen,
				 "%s: its .BTF section has %llu bytes; at most %u MiB are read",
				 name, (unsigned long long)sh.sh_size, LD_BTF_MAX_BYTES >> 20);
			return -EFBIG;
		}
		data = elf_getdata(scn, NULL);
		if (!data || !data->d_buf || data->d_size != sh.sh_size) {
			snprintf(err, errlen, "%s: its .BTF section cannot be read", name);
			return -EINVAL;
		}
		return from_raw(name, data->d_buf, data->d_size, out, err, errlen);
	}
	snprintf(err, errlen, "%s: an ELF file without a .BTF section", name);
	return -ENOENT;
}

static const char not_btf[] = "not BTF (neither raw BTF nor an ELF file with a .BTF section)";

int ld_reasons_from_mem(const char *name, const void *data, size_t n, struct ld_reasons *out,
			char *err, size_t errlen)
{
	int ret;

	memset(out, 0, sizeof(*out));
	if (is_raw_btf(data, n)) {
		if (n > LD_BTF_MAX_BYTES) {
			snprintf(err, errlen, "%s: larger than the %u MiB a kernel's BTF can be",
				 name, LD_BTF_MAX_BYTES >> 20);
			return -EFBIG;
		}
		return from_raw(name, data, n, out, err, errlen);
	}
	if (is_elf(data, n)) {
		char *copy = malloc(n);
		Elf *elf;

		if (!copy) {
			snprintf(err, errlen, "%s: out of memory", name);
			return -ENOMEM;
		}
		memcpy(copy, data, n);
		elf_version(EV_CURRENT);
		elf = elf_memory(copy, n);
		ret = from_elf(name, elf, out, err, errlen);
		elf_end(elf);
		free(copy);
		return ret;
	}
	snprintf(err, errlen, "%s: %s", name, not_btf);
	return -EINVAL;
}

int ld_reasons_load(const char *path, struct ld_reasons *out, char *err, size_t errlen)
{
	unsigned char magic[SELFMAG];
	bool deflt = !path;
	struct stat st;
	ssize_t got;
	char *buf;
	size_t n;
	int fd, ret;

	memset(out, 0, sizeof(*out));
	if (!path)
		path = LD_DEFAULT_BTF;
	fd = ld_open_regular(path, O_RDONLY);
	if (fd < 0) {
		if (fd == -ENOENT)
			snprintf(err, errlen, "%s: no such file%s", path,
				 deflt ? " (kernel built without CONFIG_DEBUG_INFO_BTF?)" : "");
		else
			snprintf(err, errlen, "%s: cannot read BTF: %s", path, ld_errno_hint(-fd));
		return fd;
	}
	got = pread(fd, magic, sizeof(magic), 0);
	if (got < 0 || fstat(fd, &st) != 0) {
		ret = -errno;
		snprintf(err, errlen, "%s: cannot read BTF: %s", path, ld_errno_hint(-ret));
		close(fd);
		return ret;
	}
	if (is_elf(magic, (size_t)got)) {
		/* Sections are read on demand: a vmlinux with debug information is large. */
		Elf *elf;

		elf_version(EV_CURRENT);
		elf = elf_begin(fd, ELF_C_READ, NULL);
		ret = from_elf(path, elf, out, err, errlen);
		elf_end(elf);
		close(fd);
		return ret;
	}
	close(fd);
	if (!is_raw_btf(magic, (size_t)got)) {
		snprintf(err, errlen, "%s: %s", path, not_btf);
		return -EINVAL;
	}
	if (st.st_size > (off_t)LD_BTF_MAX_BYTES) {
		snprintf(err, errlen,
			 "%s: %lld bytes: larger than the %u MiB a kernel's BTF can be", path,
			 (long long)st.st_size, LD_BTF_MAX_BYTES >> 20);
		return -EFBIG;
	}
	/* To the end, whatever the size said, and never beyond the limit. */
	ret = ld_read_file_alloc(path, LD_BTF_MAX_BYTES, &buf, &n);
	if (ret) {
		snprintf(err, errlen, "%s: cannot read BTF: %s", path,
			 ret == -EFBIG ? "larger than the limit" : ld_errno_hint(-ret));
		return ret;
	}
	ret = from_raw(path, buf, n, out, err, errlen);
	free(buf);
	return ret;
}

const char *ld_reason_suggest(const char *name)
{
	const char *best = NULL, *prefix_hit = NULL;
	unsigned int best_d = 4, prefix_hits = 0;
	size_t n = strlen(name);

	for (unsigned int i = 0; i < ld_catalog_count; i++) {
		size_t cn = strlen(ld_catalog[i].name);
		/* The distance is at least the difference in length: skip what cannot be near. */
		unsigned int d =
			n > cn + 3 || cn > n + 3 ? 99 : ld_edit_distance(name, ld_catalog[i].name);

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
