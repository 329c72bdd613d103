/* SPDX-License-Identifier: GPL-2.0-only */
/* Small helpers shared by every command: errors, files, paths, safe text, JSON output. */
#ifndef LD_UTIL_H
#define LD_UTIL_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
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
	bool json_printed; /* a JSON document went to stdout (ld_json_print()) */
};
extern struct ld_globals ld_g;

/*
 * "lockdown: <message>" on stderr; one line, no errno guessing. The message goes through
 * ld_escape(): bytes from files or the command line never reach the terminal raw.
 * Under -j, ld_err() also prints {"error":"<message>"} on stdout unless the command already
 * printed its JSON there: a program reading stdout always gets one JSON document.
 */
void ld_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void ld_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * A usage error of command cmd (NULL: of lockdown itself), in the one line every command
 * uses: "lockdown: cmd: MESSAGE; see 'lockdown cmd --help'". Returns LD_EXIT_ERR.
 */
int ld_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- files ------------------------------------------------------------------------------ */

/*
 * The errno the readers return for a path that is not a regular file (a FIFO, socket or
 * device): such a path is refused at once, never opened for a read that could block.
 * ld_errno_hint() names it.
 */
#define LD_ENOTREG EMEDIUMTYPE

/*
 * Open a regular file (flags: O_RDONLY or O_WRONLY). Anything else is refused before it is
 * opened: -EISDIR for a directory, -LD_ENOTREG otherwise. Returns the descriptor or -errno.
 */
int ld_open_regular(const char *path, int flags);
/* An input stream: stdin for "-", else the regular file at path. 0 or -errno (as above). */
int ld_open_input(const char *path, FILE **f);

/*
 * Read a whole small regular file into buf (NUL-terminated). Returns bytes read or -errno.
 * Files larger than len - 1 are truncated and -EFBIG is returned.
 */
long ld_read_file(const char *path, char *buf, size_t len);

/*
 * Read a whole regular file of at most max bytes into a new NUL-terminated buffer (free()
 * it). Returns 0 with *buf and *len set, or -errno: -EFBIG when the file has more than max
 * bytes (whatever its size claims: /proc files say 0).
 */
int ld_read_file_alloc(const char *path, size_t max, char **buf, size_t *len);
/* The same from an open descriptor, from where it stands (sized from fstat() when it can). */
int ld_read_fd_alloc(int fd, size_t max, char **buf, size_t *len);

/* Strip trailing white space in place; returns s. */
char *ld_rstrip(char *s);

/* "dir/name" into out; -ENAMETOOLONG (out empty) instead of a truncated path. 0 on success. */
int ld_path_join(char *out, size_t len, const char *dir, const char *name);

/* Human-readable name for an errno value of a file operation ("permission denied (needs root)"). */
const char *ld_errno_hint(int err);

/* ---- text for terminals and JSON --------------------------------------------------------- */

/*
 * Copy n bytes of s into out (NUL-terminated, at most outlen bytes) so that they are safe on a
 * terminal: control characters (C0, DEL, C1) and bytes that are not UTF-8 become \xNN; valid
 * UTF-8 text stays as it is. Never cuts an escape or a character in half. Returns the length
 * the whole escaped text needs (without the NUL), as snprintf does.
 */
size_t ld_escape(char *out, size_t outlen, const char *s, size_t n);

/*
 * ld_escape() of a NUL-terminated string into a buffer of its own, for printf arguments. The
 * result stays valid for the next 7 calls.
 */
const char *ld_safe(const char *s);

/* Is s (n bytes) valid UTF-8 without control characters other than tab? */
bool ld_text_ok(const char *s, size_t n);
/* The offset of the first byte of s that breaks ld_text_ok(), or n when there is none. */
size_t ld_text_prefix(const char *s, size_t n);

/*
 * Edit distance (insertions, deletions, substitutions) between two short strings; 99 when one
 * of them is 63 characters or longer.
 */
unsigned int ld_edit_distance(const char *a, const char *b);

/*
 * Print a JSON value to stdout (pretty with -p) followed by a newline; drops the reference.
 * The text is always valid UTF-8 JSON: bytes that are not UTF-8 in a string become the text
 * \xNN, and DEL and C1 controls are written as \u escapes, like json-c does for C0 ones.
 */
void ld_json_print(struct json_object *obj);

/* The JSON text ld_json_print() writes for obj, in a new buffer (free() it); NULL: no memory. */
char *ld_json_text(struct json_object *obj, int flags);

#endif
