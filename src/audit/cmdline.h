/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kernel command line as the kernel parses it: "name=value" words separated by blanks,
 * double quotes protect blanks ("param=\"a b\"" and "\"param=a b\""), everything after a
 * lone "--" goes to init, '-' and '_' are the same in names, the last occurrence wins.
 */
#ifndef LD_AUDIT_CMDLINE_H
#define LD_AUDIT_CMDLINE_H

#include <stdbool.h>
#include <stddef.h>

struct ld_cmdline_param {
	char *name;
	char *value; /* NULL for a bare word ("nokaslr") */
};

struct ld_cmdline {
	char *text; /* copy, split in place */
	struct ld_cmdline_param *params;
	size_t count;
};

/* Returns 0 or -ENOMEM. */
int ld_cmdline_parse(struct ld_cmdline *cl, const char *text);
void ld_cmdline_free(struct ld_cmdline *cl);

/* The last occurrence of name: true and *value (NULL for a bare word), or false. */
bool ld_cmdline_get(const struct ld_cmdline *cl, const char *name, const char **value);

/* The kernel's kstrtobool() plus a bare word meaning true (param_set_bool). -1: not a bool. */
int ld_parse_bool(const char *value);

/*
 * The LSM order the kernel will use: "lsm=" when given (a legacy "security=" is then
 * ignored, as the kernel does), else CONFIG_LSM (config_lsm, NULL when unknown) with the
 * legacy major LSMs other than the one "security=" names dropped. Writes a comma list into
 * buf; returns 0, or -ENOENT when it depends on an unknown CONFIG_LSM.
 */
int ld_cmdline_lsm_order(const struct ld_cmdline *cl, const char *config_lsm, char *buf,
			 size_t len);

/* Is name an element of the comma-separated list? */
bool ld_list_has(const char *list, const char *name);

#endif
