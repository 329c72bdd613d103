// SPDX-License-Identifier: GPL-2.0-only
/* The compiler's messages: kept in order with file and line, printed as text or JSON. */
#include "internal.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- diagnostics ------------------------------------------------------------------------ */

void ld_diag_free(struct ld_diag *d)
{
	free(d->msgs);
	memset(d, 0, sizeof(*d));
}

void ld_diag_format(const struct ld_diag_msg *m, char *buf, size_t len)
{
	const char *sev = m->severity == LD_DIAG_ERROR ? "error" : "warning";
	char raw[sizeof(m->file) + sizeof(m->text) + 64];

	if (m->line)
		snprintf(raw, sizeof(raw), "%s:%u: %s: %s", m->file, m->line, sev, m->text);
	else
		snprintf(raw, sizeof(raw), "%s: %s: %s", m->file, sev, m->text);
	/* File names and quoted words are shown, never sent raw to a terminal. */
	ld_escape(buf, len, raw, strlen(raw));
}

void ld_diag_print(const struct ld_diag *d, FILE *f)
{
	char buf[4 * (sizeof(d->msgs[0].file) + sizeof(d->msgs[0].text) + 64)];

	for (size_t i = 0; i < d->count; i++) {
		ld_diag_format(&d->msgs[i], buf, sizeof(buf));
		fprintf(f, "%s\n", buf);
	}
}

void ld_diag_add(struct ld_diag *d, enum ld_severity sev, const char *file, unsigned int line,
		 const char *fmt, ...)
{
	struct ld_diag_msg *m;
	va_list ap;

	if (sev == LD_DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (d->count > MAX_DIAG)
		return;
	m = realloc(d->msgs, (d->count + 1) * sizeof(*m));
	if (!m)
		return; /* counted above: the compilation still fails */
	d->msgs = m;
	m = &d->msgs[d->count++];
	m->severity = sev;
	m->line = line;
	snprintf(m->file, sizeof(m->file), "%s", file);
	if (d->count > MAX_DIAG) {
		snprintf(m->text, sizeof(m->text), "too many messages; stopping here");
		return;
	}
	va_start(ap, fmt);
	vsnprintf(m->text, sizeof(m->text), fmt, ap);
	va_end(ap);
}

struct json_object *ld_diag_json(const struct ld_diag *d, enum ld_severity sev)
{
	struct json_object *arr = json_object_new_array();

	for (size_t i = 0; i < d->count; i++) {
		const struct ld_diag_msg *m = &d->msgs[i];
		struct json_object *o;

		if (m->severity != sev)
			continue;
		o = json_object_new_object();
		json_object_object_add(o, "file", json_object_new_string(m->file));
		json_object_object_add(o, "line", json_object_new_int((int)m->line));
		json_object_object_add(o, "message", json_object_new_string(m->text));
		json_object_array_add(arr, o);
	}
	return arr;
}

void ld_diag_fail_json(const struct ld_diag *d)
{
	char first[sizeof(d->msgs[0].file) + sizeof(d->msgs[0].text) + 64] = "";
	struct json_object *o;

	if (!ld_g.json || ld_g.json_printed)
		return;
	for (size_t i = 0; i < d->count && !first[0]; i++)
		if (d->msgs[i].severity == LD_DIAG_ERROR)
			ld_diag_format(&d->msgs[i], first, sizeof(first));
	o = json_object_new_object();
	json_object_object_add(o, "error", json_object_new_string(first[0] ? first : "failed"));
	json_object_object_add(o, "errors", ld_diag_json(d, LD_DIAG_ERROR));
	json_object_object_add(o, "warnings", ld_diag_json(d, LD_DIAG_WARNING));
	ld_json_print(o);
}
