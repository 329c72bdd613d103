/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The running kernel's lockdown reasons, read from `enum lockdown_reason` in its BTF.
 * Numbers differ between kernels (and inside stable series), so nothing here hard-codes a
 * number: names and classes come from the BTF, descriptions from a catalog keyed by name.
 */
#ifndef LD_REASONS_H
#define LD_REASONS_H

#include <stdbool.h>
#include <stddef.h>

#include "lockdown_abi.h"

struct btf;

/* The largest BTF read: a raw file, or the .BTF section of an ELF file (vmlinux has ~6 MiB). */
#define LD_BTF_MAX_BYTES (64u << 20)

enum ld_class {
	LD_CLASS_INTEGRITY = 1,
	LD_CLASS_CONFIDENTIALITY = 2,
};

struct ld_reason {
	unsigned int number;
	char name[48];	      /* lower case, no LOCKDOWN_ prefix, canonical (bpf_read_kernel) */
	char kernel_name[48]; /* as this kernel spells it, lower case (bpf_read on old kernels) */
	enum ld_class class;
	const char *description;
};

/*
 * A set of reasons holds one slot per reason number the compiled tables hold (LD_REASONS,
 * lockdown_abi.h). Kernels have about 30 reasons; a kernel whose reasons do not all have a
 * number below LD_REASONS is refused with an error naming the limit.
 */
struct ld_reasons {
	struct ld_reason r[LD_REASONS];
	unsigned int count;
	unsigned int integrity_max;
	unsigned int confidentiality_max;
};

#define LD_DEFAULT_BTF "/sys/kernel/btf/vmlinux"

/*
 * Fill out from a parsed BTF. Everything in `enum lockdown_reason` is checked before use:
 * LOCKDOWN_ names of upper-case letters, digits and _, no name or value twice, both class
 * markers with 0 < INTEGRITY_MAX < CONFIDENTIALITY_MAX <= LD_REASONS, nothing after
 * CONFIDENTIALITY_MAX. Returns 0, or -errno with a one-line reason in err (out is then empty).
 */
int ld_reasons_from_btf(const struct btf *btf, struct ld_reasons *out, char *err, size_t errlen);

/*
 * The same from n bytes in memory: raw BTF (either byte order) or an ELF file with a .BTF
 * section. name is the file's name in messages. Used by ld_reasons_load() and the fuzzer.
 */
int ld_reasons_from_mem(const char *name, const void *data, size_t n, struct ld_reasons *out,
			char *err, size_t errlen);

/*
 * Read the BTF file at path (NULL: the running kernel's, LD_DEFAULT_BTF) and fill out. Only a
 * regular file of raw BTF up to LD_BTF_MAX_BYTES, or an ELF file whose .BTF section is that
 * small, is read; every error is one line in err that names the file.
 */
int ld_reasons_load(const char *path, struct ld_reasons *out, char *err, size_t errlen);

const char *ld_class_name(enum ld_class class);

/* Canonical name for name: maps old spellings ("bpf_read") to current ones. */
const char *ld_reason_canonical(const char *name);
const struct ld_reason *ld_reason_by_name(const struct ld_reasons *rs, const char *name);
const struct ld_reason *ld_reason_by_number(const struct ld_reasons *rs, unsigned int number);

/*
 * A reason name as policies and --reason take it, in any case: lower-cased into out. 0, or
 * -ENAMETOOLONG when it does not fit (no reason name is that long).
 */
int ld_reason_name_fold(const char *name, char *out, size_t len);

/*
 * The groups, against this kernel's classes: "all", "integrity" (the kernel's own integrity
 * level denies these) and "confidentiality". ld_reason_group() returns false for a name that
 * is no group, else true with *mask's bit n set for each reason number n of the group.
 */
#define LD_REASON_GROUPS "all, integrity, confidentiality"
bool ld_reason_group(const struct ld_reasons *rs, const char *name, __u64 *mask);
/* Whether reason r is in group name (a name that is no group holds nothing). */
bool ld_reason_in_group(const struct ld_reason *r, const char *name);

/* The catalog: every reason name any supported kernel has had. */
struct ld_catalog_entry {
	const char *name;
	enum ld_class class; /* class in mainline */
	const char *description;
};
const struct ld_catalog_entry *ld_catalog_lookup(const char *name);
extern const struct ld_catalog_entry ld_catalog[];
extern const unsigned int ld_catalog_count;

/*
 * Nearest catalog name to a misspelt one (edit distance at most 3, or a unique prefix);
 * NULL when nothing is close.
 */
const char *ld_reason_suggest(const char *name);

#endif
