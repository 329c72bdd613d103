/* SPDX-License-Identifier: GPL-2.0-only */
/* Small helpers shared by every command: errors, files, JSON output. */
#ifndef LD_UTIL_H
#define LD_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <json-c/json.h>

/* Exit codes of every command (see lockdown(8)). */
enum {
	LD_EXIT_OK = 0,
	LD_EXIT_FAIL = 1, /* policy or audit failure, refused request */
	LD_EXIT_ERR = 2,  /* usage or system error */
};

/* Output options given anywhere on the command line (-j, -p). */
struct ld_globals {
	bool json;
	bool pretty;
};
extern struct ld_globals ld_g;

/* "lockdown: <message>" on stderr; one line, no errno guessing. */
void ld_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void ld_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Read a whole small file into buf (NUL-terminated). Returns bytes read or -errno.
 * Files larger than len - 1 are truncated and -EFBIG is returned.
 */
long ld_read_file(const char *path, char *buf, size_t len);

/* Strip trailing white space in place; returns s. */
char *ld_rstrip(char *s);

/* Print a JSON value to stdout (pretty with -p) followed by a newline; drops the reference. */
void ld_json_print(struct json_object *obj);

/* Human-readable name for an errno value of a file operation ("permission denied (needs root)"). */
const char *ld_errno_hint(int err);

#endif
