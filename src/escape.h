/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fields of event lines and metrics that come from outside (file names, comm, rule names read
 * back from pinned maps): never a raw control byte, never invalid UTF-8, never a separator
 * that could forge or split a line, and reversible (a backslash is escaped too, so "\x0a"
 * in a name never reads as a newline). Free text for a terminal uses ld_escape() (util.h).
 */
#ifndef LD_ESCAPE_H
#define LD_ESCAPE_H

#include <stddef.h>

enum ld_escape_mode {
	/* One word of a "key=value key=value" line: only printable ASCII other than space and
	 * backslash passes; every other byte becomes \xNN, a backslash \\. */
	LD_ESC_WORD,
	/* A JSON string value (json-c adds the quoting): valid UTF-8 passes except control
	 * characters; those and any invalid byte become \xNN, a backslash \\. */
	LD_ESC_JSON,
};

/*
 * Escape at most inlen bytes of in (stopping at a NUL: fixed-size kernel buffers need not
 * end in one) into out, always NUL-terminated; cut at a whole escape when out is too small.
 * Returns out.
 */
char *ld_field_escape(const char *in, size_t inlen, enum ld_escape_mode mode, char *out,
		      size_t outlen);

#endif
