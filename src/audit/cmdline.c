// SPDX-License-Identifier: GPL-2.0-only
#include "audit/cmdline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Names compare with '-' and '_' as the same character (the kernel's parameq()). */
static bool param_eq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a == '-' ? '_' : *a, y = *b == '-' ? '_' : *b;

		if (x != y)
			return false;
	}
	return *a == *b;
}

int ld_cmdline_parse(struct ld_cmdline *cl, const char *text)
{
	size_t cap = 0;
	char *p;

	memset(cl, 0, sizeof(*cl));
	cl->text = strdup(text);
	if (!cl->text)
		return -ENOMEM;
	p = cl->text;
	for (;;) {
		bool quoted = false, lead = false;
		char *word, *eq, *end;

		while (is_blank(*p))
			p++;
		if (!*p)
			break;
		/* next_arg(): a leading quote covers the whole word. */
		if (*p == '"') {
			p++;
			quoted = lead = true;
		}
		word = p;
		eq = NULL;
		for (; *p; p++) {
			if (is_blank(*p) && !quoted)
				break;
			if (*p == '=' && !eq)
				eq = p;
			if (*p == '"')
				quoted = !quoted;
		}
		end = p;
		if (*p)
			p++;
		*end = '\0';
		if (lead && end > word && end[-1] == '"')
			end[-1] = '\0';
		if (strcmp(word, "--") == 0)
			break; /* the rest belongs to init */
		if (cl->count == cap) {
			size_t ncap = cap ? cap * 2 : 32;
			struct ld_cmdline_param *np = realloc(cl->params, ncap * sizeof(*np));

			if (!np) {
				ld_cmdline_free(cl);
				return -ENOMEM;
			}
			cl->params = np;
			cap = ncap;
		}
		cl->params[cl->count].name = word;
		cl->params[cl->count].value = NULL;
		if (eq) {
			char *v = eq + 1;

			*eq = '\0';
			if (*v == '"') {
				size_t n;

				v++;
				n = strlen(v);
				if (n && v[n - 1] == '"')
					v[n - 1] = '\0';
			}
			cl->params[cl->count].value = v;
		}
		cl->count++;
	}
	return 0;
}

void ld_cmdline_free(struct ld_cmdline *cl)
{
	free(cl->text);
	free(cl->params);
	memset(cl, 0, sizeof(*cl));
}

bool ld_cmdline_get(const struct ld_cmdline *cl, const char *name, const char **value)
{
	for (size_t i = cl->count; i-- > 0;) {
		if (param_eq(cl->params[i].name, name)) {
			if (value)
				*value = cl->params[i].value;
			return true;
		}
	}
	return false;
}

int ld_parse_bool(const char *v)
{
	if (!v || !*v)
		return 1;
	switch (v[0]) {
	case 'y':
	case 'Y':
	case '1':
		return 1;
	case 'n':
	case 'N':
	case '0':
		return 0;
	case 'o':
	case 'O':
		if (v[1] == 'n' || v[1] == 'N')
			return 1;
		if (v[1] == 'f' || v[1] == 'F')
			return 0;
		break;
	}
	return -1;
}

bool ld_list_has(const char *list, const char *name)
{
	size_t n = strlen(name);

	if (!list || !n)
		return false;
	for (const char *p = list; *p;) {
		size_t l = strcspn(p, ",");

		if (l == n && strncmp(p, name, n) == 0)
			return true;
		p += l;
		if (*p == ',')
			p++;
	}
	return false;
}

static const char *const legacy_major[] = { "selinux", "smack", "tomoyo", "apparmor" };

static bool is_legacy_major(const char *name, size_t n)
{
	for (size_t i = 0; i < sizeof(legacy_major) / sizeof(legacy_major[0]); i++)
		if (strlen(legacy_major[i]) == n && strncmp(legacy_major[i], name, n) == 0)
			return true;
	return false;
}

int ld_cmdline_lsm_order(const struct ld_cmdline *cl, const char *config_lsm, char *buf, size_t len)
{
	const char *lsm = NULL, *major = NULL;
	size_t off = 0;

	if (len == 0)
		return -ENOSPC;
	buf[0] = '\0';
	if (cl && ld_cmdline_get(cl, "lsm", &lsm) && lsm) {
		snprintf(buf, len, "%s", lsm);
		return 0;
	}
	if (!config_lsm)
		return -ENOENT;
	if (cl)
		ld_cmdline_get(cl, "security", &major);
	for (const char *p = config_lsm; *p;) {
		size_t l = strcspn(p, ",");
		bool keep = l > 0;

		if (keep && major && *major && is_legacy_major(p, l))
			keep = strlen(major) == l && strncmp(p, major, l) == 0;
		if (keep && off + l + 2 < len) {
			off += (size_t)snprintf(buf + off, len - off, "%s%.*s", off ? "," : "",
						(int)l, p);
		}
		p += l;
		if (*p == ',')
			p++;
	}
	return 0;
}
