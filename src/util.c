// SPDX-License-Identifier: GPL-2.0-only
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct ld_globals ld_g;

static void vmsg(const char *prefix, bool json, const char *fmt, va_list ap)
{
	char *text = NULL;

	if (vasprintf(&text, fmt, ap) < 0) {
		fprintf(stderr, "lockdown: %s(out of memory)\n", prefix);
		return;
	}
	fprintf(stderr, "lockdown: %s%s\n", prefix, ld_safe(text));
	if (json && ld_g.json && !ld_g.json_printed) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "error", json_object_new_string(text));
		ld_json_print(o);
	}
	free(text);
}

void ld_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg("", true, fmt, ap);
	va_end(ap);
}

void ld_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg("warning: ", false, fmt, ap);
	va_end(ap);
}

int ld_usage_error(const char *cmd, const char *fmt, ...)
{
	char *msg = NULL;
	va_list ap;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	if (cmd)
		ld_err("%s: %s; see 'lockdown %s --help'", cmd, msg ? msg : "usage error", cmd);
	else
		ld_err("%s; see 'lockdown --help'", msg ? msg : "usage error");
	free(msg);
	return LD_EXIT_ERR;
}

/* ---- files ------------------------------------------------------------------------------ */

int ld_open_input(const char *path, FILE **f)
{
	int fd;

	if (!strcmp(path, "-")) {
		*f = stdin;
		return 0;
	}
	fd = ld_open_regular(path, O_RDONLY);
	if (fd < 0)
		return fd;
	*f = fdopen(fd, "r");
	if (!*f) {
		int err = -errno;

		close(fd);
		return err;
	}
	return 0;
}

int ld_open_regular(const char *path, int flags)
{
	struct stat st;
	int fd;

	/* Look before opening: opening a FIFO blocks, and opening a device can act on it. */
	if (stat(path, &st) != 0)
		return -errno;
	if (!S_ISREG(st.st_mode))
		return S_ISDIR(st.st_mode) ? -EISDIR : -LD_ENOTREG;
	/* O_NONBLOCK: should the path have become a FIFO since, the open still returns. */
	fd = open(path, flags | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENXIO ? -LD_ENOTREG : -errno;
	if (fstat(fd, &st) != 0) {
		int err = errno;

		close(fd);
		return -err;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return S_ISDIR(st.st_mode) ? -EISDIR : -LD_ENOTREG;
	}
	return fd;
}

static long read_fd(int fd, char *buf, size_t len)
{
	size_t off = 0;

	while (off < len) {
		ssize_t n = read(fd, buf + off, len - off);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (n == 0)
			break;
		off += (size_t)n;
	}
	return (long)off;
}

long ld_read_file(const char *path, char *buf, size_t len)
{
	long n;
	int fd;

	if (len == 0)
		return -EINVAL;
	buf[0] = '\0';
	fd = ld_open_regular(path, O_RDONLY);
	if (fd < 0)
		return fd;
	n = read_fd(fd, buf, len - 1);
	if (n >= 0) {
		char extra;

		buf[n] = '\0';
		if ((size_t)n == len - 1 && read_fd(fd, &extra, 1) == 1)
			n = -EFBIG;
	}
	close(fd);
	return n;
}

int ld_read_fd_alloc(int fd, size_t max, char **out, size_t *outlen)
{
	size_t cap = max < 4096 ? max + 1 : 4096, len = 0;
	struct stat st;
	char *buf = NULL;
	int err = 0;

	*out = NULL;
	*outlen = 0;
	/* One read when the size is known (files in /proc say 0: then grow as we go); one byte
	 * more than the size, to see the end of the file, or that it grew. */
	if (fstat(fd, &st) == 0 && st.st_size > 0 && (size_t)st.st_size < max)
		cap = (size_t)st.st_size + 1;
	for (;;) {
		long n;

		if (len == cap || !buf) {
			char *nb;

			if (buf) {
				if (cap > max) { /* one byte beyond max was read: too large */
					err = -EFBIG;
					break;
				}
				cap = cap > max / 2 ? max + 1 : cap * 2;
			}
			nb = realloc(buf, cap + 1);
			if (!nb) {
				err = -ENOMEM;
				break;
			}
			buf = nb;
		}
		n = read_fd(fd, buf + len, cap - len);
		if (n < 0) {
			err = (int)n;
			break;
		}
		len += (size_t)n;
		if (len > max) {
			err = -EFBIG;
			break;
		}
		if (len < cap)
			break; /* end of file */
	}
	if (err) {
		free(buf);
		return err;
	}
	buf[len] = '\0';
	*out = buf;
	*outlen = len;
	return 0;
}

int ld_read_file_alloc(const char *path, size_t max, char **out, size_t *outlen)
{
	int fd = ld_open_regular(path, O_RDONLY), err;

	*out = NULL;
	*outlen = 0;
	if (fd < 0)
		return fd;
	err = ld_read_fd_alloc(fd, max, out, outlen);
	close(fd);
	return err;
}

char *ld_rstrip(char *s)
{
	size_t n = strlen(s);

	while (n > 0 &&
	       (s[n - 1] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

int ld_path_join(char *out, size_t len, const char *dir, const char *name)
{
	size_t dl = strlen(dir);
	int n;

	while (dl > 1 && dir[dl - 1] == '/')
		dl--;
	n = snprintf(out, len, "%.*s/%s", (int)dl, dir, name);
	if (n < 0 || (size_t)n >= len) {
		if (len)
			out[0] = '\0';
		return -ENAMETOOLONG;
	}
	return 0;
}

const char *ld_errno_hint(int err)
{
	switch (err) {
	case EACCES:
	case EPERM:
		return "permission denied (needs root)";
	case ENOENT:
		return "not present";
	case LD_ENOTREG:
		return "not a regular file (a FIFO, socket or device)";
	case EISDIR:
		return "is a directory, not a file";
	case ENAMETOOLONG:
		return "path too long";
	case EFBIG:
		return "too large";
	default:
		return strerror(err);
	}
}

/* ---- text for terminals and JSON --------------------------------------------------------- */

/* Length of the UTF-8 character at s (n bytes left) and its code point; 0 when invalid. */
static size_t utf8_char(const unsigned char *s, size_t n, unsigned int *cp)
{
	unsigned int c = s[0], min;
	size_t need;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		need = 1, min = 0x80, c &= 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		need = 2, min = 0x800, c &= 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 3, min = 0x10000, c &= 0x07;
	} else {
		return 0;
	}
	if (n < need + 1)
		return 0;
	for (size_t i = 1; i <= need; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return need + 1;
}

static bool is_control(unsigned int cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

size_t ld_escape(char *out, size_t outlen, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, need = 0, end = 0;
	bool full = outlen == 0 || !out;

	while (i < n) {
		char piece[4 * 4];
		size_t plen = 0, clen;
		unsigned int cp = 0;

		clen = utf8_char(p + i, n - i, &cp);
		if (clen && !is_control(cp)) {
			memcpy(piece, p + i, clen);
			plen = clen;
		} else {
			if (!clen)
				clen = 1;
			for (size_t k = 0; k < clen; k++) {
				piece[plen++] = '\\';
				piece[plen++] = 'x';
				piece[plen++] = hex[p[i + k] >> 4];
				piece[plen++] = hex[p[i + k] & 15];
			}
		}
		if (!full && need + plen + 1 > outlen) {
			full = true; /* stop at a whole piece */
			end = need;
		}
		if (!full)
			memcpy(out + need, piece, plen);
		need += plen;
		i += clen;
	}
	if (out && outlen)
		out[full ? end : need] = '\0';
	return need;
}

const char *ld_safe(const char *s)
{
	static char *ring[8];
	static unsigned int next;
	char **slot = &ring[next++ % 8];
	size_t n = strlen(s), need = ld_escape(NULL, 0, s, n);
	char *p = realloc(*slot, need + 1);

	if (!p)
		return "(out of memory)";
	*slot = p;
	ld_escape(p, need + 1, s, n);
	return p;
}

size_t ld_text_prefix(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned int cp;
		size_t cl = utf8_char(p + i, n - i, &cp);

		if (!cl || (is_control(cp) && cp != '\t'))
			break;
		i += cl;
	}
	return i;
}

bool ld_text_ok(const char *s, size_t n)
{
	return ld_text_prefix(s, n) == n;
}

unsigned int ld_edit_distance(const char *a, const char *b)
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

char *ld_json_text(struct json_object *obj, int flags)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)json_object_to_json_string_ext(obj, flags);
	size_t n = strlen((const char *)s), o = 0;
	char *out = malloc(6 * n + 1);

	if (!out)
		return NULL;
	/* json-c writes structure in ASCII: anything else is inside a string. */
	for (size_t i = 0; i < n;) {
		unsigned int cp;
		size_t cl = utf8_char(s + i, n - i, &cp);

		if (cl && !is_control(cp)) {
			memcpy(out + o, s + i, cl);
			o += cl;
			i += cl;
		} else if (cl && cp >= 0x7f) { /* DEL and C1: as JSON escapes */
			o += (size_t)sprintf(out + o, "\\u%04x", cp);
			i += cl;
		} else if (cl) { /* C0 outside strings: json-c's own white space */
			out[o++] = (char)s[i++];
		} else { /* not UTF-8: the text \xNN */
			out[o++] = '\\';
			out[o++] = '\\';
			out[o++] = 'x';
			out[o++] = hex[s[i] >> 4];
			out[o++] = hex[s[i] & 15];
			i++;
		}
	}
	out[o] = '\0';
	return out;
}

void ld_json_print(struct json_object *obj)
{
	int flags = JSON_C_TO_STRING_NOSLASHESCAPE;
	char *text;

	flags |= ld_g.pretty ? JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED
			     : JSON_C_TO_STRING_PLAIN;
	text = ld_json_text(obj, flags);
	puts(text ? text : "null");
	ld_g.json_printed = true;
	free(text);
	json_object_put(obj);
}
