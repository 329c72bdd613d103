// SPDX-License-Identifier: GPL-2.0-only
#include "audit/kconfig.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define MAX_CONFIG_BYTES (32u << 20)

unsigned int ld_kver_parse(const char *s)
{
	char *end;
	unsigned long a, b;

	if (!s || *s < '0' || *s > '9')
		return 0;
	a = strtoul(s, &end, 10);
	if (*end != '.' || end[1] < '0' || end[1] > '9')
		return 0;
	b = strtoul(end + 1, &end, 10);
	if (a > 255 || b > 255)
		return 0;
	return LD_KVER(a, b);
}

uint32_t ld_kconfig_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u; /* FNV-1a */

	for (size_t i = 0; i < n; i++)
		h = (h ^ (uint8_t)s[i]) * 16777619u;
	return h;
}

static uint32_t hash(const char *s)
{
	return ld_kconfig_hash(s, strlen(s));
}

static int put(struct ld_kconfig *kc, const char *name, const char *value)
{
	size_t i;

	if ((kc->count + 1) * 2 > kc->cap) {
		size_t ncap = kc->cap ? kc->cap * 2 : 256;
		struct ld_kconfig_ent *nt = calloc(ncap, sizeof(*nt));

		if (!nt)
			return -ENOMEM;
		for (size_t j = 0; j < kc->cap; j++) {
			if (!kc->tab[j].name)
				continue;
			i = hash(kc->tab[j].name) & (ncap - 1);
			while (nt[i].name)
				i = (i + 1) & (ncap - 1);
			nt[i] = kc->tab[j];
		}
		free(kc->tab);
		kc->tab = nt;
		kc->cap = ncap;
	}
	i = hash(name) & (kc->cap - 1);
	while (kc->tab[i].name) {
		if (strcmp(kc->tab[i].name, name) == 0) {
			kc->tab[i].value = value; /* the last occurrence wins */
			return 0;
		}
		i = (i + 1) & (kc->cap - 1);
	}
	kc->tab[i].name = name;
	kc->tab[i].value = value;
	kc->count++;
	return 0;
}

const char *ld_kconfig_get(const struct ld_kconfig *kc, const char *name)
{
	size_t i;

	if (!kc || !kc->cap)
		return NULL;
	i = hash(name) & (kc->cap - 1);
	while (kc->tab[i].name) {
		if (strcmp(kc->tab[i].name, name) == 0)
			return kc->tab[i].value;
		i = (i + 1) & (kc->cap - 1);
	}
	return NULL;
}

static bool valid_name(const char *s, size_t n)
{
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '_'))
			return false;
	}
	return true;
}

static void header(struct ld_kconfig *kc, const char *line)
{
	const char *p = strstr(line, " Kernel Configuration");
	const char *v;
	size_t n;

	if (strncmp(line, "# Linux/", 8) != 0 || !p)
		return;
	v = strchr(line + 8, ' ');
	if (!v || v >= p)
		return;
	if ((size_t)(v - (line + 8)) < sizeof(kc->arch)) {
		memcpy(kc->arch, line + 8, (size_t)(v - (line + 8)));
		kc->arch[v - (line + 8)] = '\0';
	}
	v++;
	n = (size_t)(p - v);
	if (n == 0 || n >= sizeof(kc->version))
		return;
	memcpy(kc->version, v, n);
	kc->version[n] = '\0';
	kc->kver = ld_kver_parse(kc->version);
}

static int parse_line(struct ld_kconfig *kc, char *line, size_t len, unsigned int lineno,
		      ld_kconfig_want_fn want)
{
	char *eq, *val;
	size_t n;

	if (line[0] == '#') {
		/* "# CONFIG_FOO is not set" */
		static const char tail[] = " is not set";

		if (len > 9 + sizeof(tail) - 1 && strncmp(line, "# CONFIG_", 9) == 0 &&
		    memcmp(line + len - (sizeof(tail) - 1), tail, sizeof(tail) - 1) == 0) {
			n = len - 9 - (sizeof(tail) - 1);
			if (valid_name(line + 9, n)) {
				kc->options++;
				if (want && !want(line + 9, n))
					return 0;
				line[9 + n] = '\0';
				return put(kc, line + 9, "n");
			}
		}
		if (!kc->version[0])
			header(kc, line);
		return 0;
	}
	if (len == 0)
		return 0;
	eq = memchr(line, '=', len);
	if (len < 7 || memcmp(line, "CONFIG_", 7) != 0 || !eq ||
	    !valid_name(line + 7, (size_t)(eq - line - 7))) {
		if (!kc->bad_lines++)
			kc->first_bad_line = lineno;
		return 0;
	}
	kc->options++;
	if (want && !want(line + 7, (size_t)(eq - line - 7)))
		return 0;
	*eq = '\0';
	val = eq + 1;
	n = len - (size_t)(val - line);
	if (n >= 2 && val[0] == '"' && val[n - 1] == '"') {
		val[n - 1] = '\0';
		val++;
	}
	return put(kc, line + 7, val);
}

/* Parse buf (len bytes, buf[len] == '\0', owned by kc from now on). */
static int parse_owned(struct ld_kconfig *kc, char *buf, size_t len, ld_kconfig_want_fn want,
		       char *why, size_t whylen)
{
	unsigned int lineno = 0;
	char *p = buf, *end = buf + len;
	int ret;

	if (memchr(buf, '\0', len)) {
		snprintf(why, whylen, "binary content at byte %zu: not a kernel config",
			 (size_t)((char *)memchr(buf, '\0', len) - buf));
		free(buf);
		return -EINVAL;
	}
	kc->text = buf;
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);

		lineno++;
		while (l > 0 && (p[l - 1] == '\r' || p[l - 1] == ' ' || p[l - 1] == '\t'))
			l--;
		p[l] = '\0';
		ret = parse_line(kc, p, l, lineno, want);
		if (ret) {
			ld_kconfig_free(kc);
			snprintf(why, whylen, "%s", strerror(-ret));
			return ret;
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	if (kc->options == 0) {
		snprintf(why, whylen, "no CONFIG_ option in %u lines: not a kernel config", lineno);
		ld_kconfig_free(kc);
		return -EINVAL;
	}
	return 0;
}

int ld_kconfig_parse_want(struct ld_kconfig *kc, const char *text, size_t len,
			  ld_kconfig_want_fn want, char *why, size_t whylen)
{
	char *buf;

	memset(kc, 0, sizeof(*kc));
	buf = malloc(len + 1);
	if (!buf)
		return -ENOMEM;
	memcpy(buf, text, len);
	buf[len] = '\0';
	return parse_owned(kc, buf, len, want, why, whylen);
}

int ld_kconfig_parse(struct ld_kconfig *kc, const char *text, size_t len, char *why, size_t whylen)
{
	return ld_kconfig_parse_want(kc, text, len, NULL, why, whylen);
}

/* zlib's error text without the "PATH: " it starts with (callers name the file themselves). */
static const char *gz_message(gzFile gz, const char *path, int *err)
{
	const char *msg = gzerror(gz, err);
	size_t n = strlen(path);

	if (strncmp(msg, path, n) == 0 && msg[n] == ':' && msg[n + 1] == ' ')
		msg += n + 2;
	return msg;
}

/* A plain file, read whole in one read when its size is known: no decompressor, no copy. */
static int load_plain(int fd, char **out, size_t *outlen, char *why, size_t whylen)
{
	int ret = ld_read_fd_alloc(fd, MAX_CONFIG_BYTES - 1, out, outlen);

	if (ret == -EFBIG)
		snprintf(why, whylen, "larger than %u MiB: not a kernel config",
			 MAX_CONFIG_BYTES >> 20);
	else if (ret)
		snprintf(why, whylen, "%s", ret == -ENOMEM ? "out of memory" : strerror(-ret));
	return ret;
}

static int load_gzip(int fd, char **out, size_t *outlen, const char *path, char *why, size_t whylen)
{
	size_t cap = 1 << 20, len = 0;
	char *buf;
	gzFile gz;
	int err;

	gz = gzdopen(fd, "rb");
	if (!gz) {
		close(fd);
		snprintf(why, whylen, "out of memory");
		return -ENOMEM;
	}
	buf = malloc(cap);
	for (;;) {
		int n;

		if (!buf) {
			gzclose(gz);
			snprintf(why, whylen, "out of memory");
			return -ENOMEM;
		}
		n = gzread(gz, buf + len, (unsigned int)(cap - 1 - len));
		if (n < 0) {
			const char *msg = gz_message(gz, path, &err);

			snprintf(why, whylen, "%s", err == Z_ERRNO ? strerror(errno) : msg);
			free(buf);
			gzclose(gz);
			return -EINVAL;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len == cap - 1) {
			if (cap >= MAX_CONFIG_BYTES) {
				snprintf(why, whylen, "larger than %u MiB: not a kernel config",
					 MAX_CONFIG_BYTES >> 20);
				free(buf);
				gzclose(gz);
				return -EFBIG;
			}
			cap *= 2;
			char *nb = realloc(buf, cap);

			if (!nb)
				free(buf);
			buf = nb;
		}
	}
	/* A truncated gzip stream ends early with Z_BUF_ERROR ("unexpected end of file"). */
	gzerror(gz, &err);
	if (err != Z_OK && err != Z_STREAM_END) {
		snprintf(why, whylen, "%s", gz_message(gz, path, &err));
		free(buf);
		gzclose(gz);
		return -EINVAL;
	}
	gzclose(gz);
	buf[len] = '\0';
	*out = buf;
	*outlen = len;
	return 0;
}

int ld_kconfig_load_want(struct ld_kconfig *kc, const char *path, ld_kconfig_want_fn want,
			 char *why, size_t whylen)
{
	unsigned char magic[2];
	size_t len = 0;
	char *buf = NULL;
	ssize_t m;
	int ret, fd;

	memset(kc, 0, sizeof(*kc));
	/* A regular file only: a FIFO or a device is refused, never waited on. */
	fd = ld_open_regular(path, O_RDONLY);
	if (fd < 0) {
		snprintf(why, whylen, "%s", ld_errno_hint(-fd));
		return fd;
	}
	/* gzip by its magic; /proc/config.gz reports size 0, so never trust size alone. */
	m = pread(fd, magic, sizeof(magic), 0);
	if (m == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
		ret = load_gzip(fd, &buf, &len, path, why, whylen);
	} else {
		ret = load_plain(fd, &buf, &len, why, whylen);
		close(fd);
	}
	if (ret)
		return ret;
	return parse_owned(kc, buf, len, want, why, whylen);
}

int ld_kconfig_load(struct ld_kconfig *kc, const char *path, char *why, size_t whylen)
{
	return ld_kconfig_load_want(kc, path, NULL, why, whylen);
}

void ld_kconfig_free(struct ld_kconfig *kc)
{
	free(kc->text);
	free(kc->tab);
	memset(kc, 0, sizeof(*kc));
}
