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

static uint32_t hash(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s)
		h = (h ^ (uint8_t)*s++) * 16777619u;
	return h;
}

static int put(struct ld_kconfig *kc, const char *name, const char *value)
{
	size_t i;

	if ((kc->count + 1) * 2 > kc->cap) {
		size_t ncap = kc->cap ? kc->cap * 2 : 4096;
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
	v++;
	n = (size_t)(p - v);
	if (n == 0 || n >= sizeof(kc->version))
		return;
	memcpy(kc->version, v, n);
	kc->version[n] = '\0';
	kc->kver = ld_kver_parse(kc->version);
}

static int parse_line(struct ld_kconfig *kc, char *line, unsigned int lineno)
{
	char *eq, *val;
	size_t n;

	if (line[0] == '#') {
		/* "# CONFIG_FOO is not set" */
		static const char tail[] = " is not set";
		size_t len = strlen(line);

		if (strncmp(line, "# CONFIG_", 9) == 0 && len > 9 + sizeof(tail) - 1 &&
		    strcmp(line + len - (sizeof(tail) - 1), tail) == 0) {
			n = len - 9 - (sizeof(tail) - 1);
			if (valid_name(line + 9, n)) {
				line[9 + n] = '\0';
				return put(kc, line + 9, "n");
			}
		}
		if (!kc->version[0])
			header(kc, line);
		return 0;
	}
	if (line[0] == '\0')
		return 0;
	eq = strchr(line, '=');
	if (strncmp(line, "CONFIG_", 7) != 0 || !eq ||
	    !valid_name(line + 7, (size_t)(eq - line - 7))) {
		if (!kc->bad_lines++)
			kc->first_bad_line = lineno;
		return 0;
	}
	*eq = '\0';
	val = eq + 1;
	n = strlen(val);
	if (n >= 2 && val[0] == '"' && val[n - 1] == '"') {
		val[n - 1] = '\0';
		val++;
	}
	return put(kc, line + 7, val);
}

int ld_kconfig_parse(struct ld_kconfig *kc, const char *text, size_t len, char *why, size_t whylen)
{
	unsigned int lineno = 0;
	const char *nul = memchr(text, '\0', len);
	char *p;
	int ret;

	memset(kc, 0, sizeof(*kc));
	if (nul) {
		snprintf(why, whylen, "binary content at byte %zu: not a kernel config",
			 (size_t)(nul - text));
		return -EINVAL;
	}
	kc->text = malloc(len + 1);
	if (!kc->text)
		return -ENOMEM;
	memcpy(kc->text, text, len);
	kc->text[len] = '\0';
	p = kc->text;
	while (*p) {
		char *nl = strchr(p, '\n');

		if (nl)
			*nl = '\0';
		lineno++;
		{
			size_t l = strlen(p);

			while (l > 0 && (p[l - 1] == '\r' || p[l - 1] == ' ' || p[l - 1] == '\t'))
				p[--l] = '\0';
		}
		ret = parse_line(kc, p, lineno);
		if (ret) {
			ld_kconfig_free(kc);
			snprintf(why, whylen, "%s", strerror(-ret));
			return ret;
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	if (kc->count == 0) {
		snprintf(why, whylen, "no CONFIG_ option in %u lines: not a kernel config", lineno);
		ld_kconfig_free(kc);
		return -EINVAL;
	}
	return 0;
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

int ld_kconfig_load(struct ld_kconfig *kc, const char *path, char *why, size_t whylen)
{
	size_t cap = 1 << 20, len = 0;
	char *buf;
	gzFile gz;
	int err, ret, fd;

	memset(kc, 0, sizeof(*kc));
	/* A regular file only: a FIFO or a device is refused, never waited on. */
	fd = ld_open_regular(path, O_RDONLY);
	if (fd < 0) {
		snprintf(why, whylen, "%s", ld_errno_hint(-fd));
		return fd;
	}
	/* gzread passes uncompressed files through unchanged. */
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
		n = gzread(gz, buf + len, (unsigned int)(cap - len));
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
		if (len == cap) {
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
	ret = ld_kconfig_parse(kc, buf, len, why, whylen);
	free(buf);
	return ret;
}

void ld_kconfig_free(struct ld_kconfig *kc)
{
	free(kc->text);
	free(kc->tab);
	memset(kc, 0, sizeof(*kc));
}
