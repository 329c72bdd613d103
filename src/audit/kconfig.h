/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kernel configuration files (.config, /proc/config.gz): "CONFIG_X=value" and
 * "# CONFIG_X is not set" lines, the "# Linux/ARCH VERSION Kernel Configuration" header.
 * The last occurrence of an option wins, as in Kconfig.
 */
#ifndef LD_AUDIT_KCONFIG_H
#define LD_AUDIT_KCONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ld_kconfig_ent {
	const char *name;  /* without "CONFIG_" */
	const char *value; /* "y", "m", "n" (not set), a number, or a string without quotes */
};

struct ld_kconfig {
	char *text; /* the file, split in place */
	struct ld_kconfig_ent *tab;
	size_t cap, count;
	size_t options;				/* option lines in the file (kept or not) */
	char version[64];			/* "6.1.176" from the header, or "" */
	char arch[16];				/* "x86", "arm64", ... from the header, or "" */
	unsigned int kver;			/* LD_KVER() of version, 0 when unknown */
	unsigned int bad_lines, first_bad_line; /* lines that are neither option nor comment */
};

#define LD_KVER(a, b) (((unsigned int)(a) << 16) | ((unsigned int)(b) << 8))

/* "6.1.176-x" -> LD_KVER(6, 1); 0 when it does not start with two numbers. */
unsigned int ld_kver_parse(const char *s);

/*
 * Parse config text of len bytes (copied). Returns 0, or -EINVAL for binary content or a
 * text without a single option; why gets a one-line reason on failure.
 */
int ld_kconfig_parse(struct ld_kconfig *kc, const char *text, size_t len, char *why, size_t whylen);
/* Read a file, plain or gzip-compressed (detected by content), and parse it. */
int ld_kconfig_load(struct ld_kconfig *kc, const char *path, char *why, size_t whylen);

/*
 * The same, keeping only the options want() accepts (name without "CONFIG_", not
 * NUL-terminated): a reader that needs a hundred of ten thousand options hashes only those.
 * want NULL keeps everything. Every line is still checked, and options counts them all.
 */
typedef bool (*ld_kconfig_want_fn)(const char *name, size_t len);
int ld_kconfig_parse_want(struct ld_kconfig *kc, const char *text, size_t len,
			  ld_kconfig_want_fn want, char *why, size_t whylen);
int ld_kconfig_load_want(struct ld_kconfig *kc, const char *path, ld_kconfig_want_fn want,
			 char *why, size_t whylen);
void ld_kconfig_free(struct ld_kconfig *kc);

/* The hash of an option name (n bytes) the config's table and the audit's name set use. */
uint32_t ld_kconfig_hash(const char *s, size_t n);

/* Value of CONFIG_<name>, "n" for "is not set", NULL when the file does not mention it. */
const char *ld_kconfig_get(const struct ld_kconfig *kc, const char *name);

#endif
