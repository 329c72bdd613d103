// SPDX-License-Identifier: GPL-2.0-only
/*
 * Events to the systemd journal (lockdown events --journal, what lockdown-events.service
 * runs): the message is the event's text line, as the kernel's own notices read, and every
 * field is a journal field of its own so that `journalctl LOCKDOWN_REASON=dev_mem` and
 * `journalctl -o json` find them. Built with libsystemd (sd_journal_sendv); the static build
 * has none and says so.
 */
#include "enforcer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef LD_HAVE_JOURNAL
#include <syslog.h>
#include <sys/uio.h>
#include <systemd/sd-journal.h>

/* MESSAGE_ID of lockdown's decisions and of a sealed enforcer's refusals (journalctl
 * MESSAGE_ID=... finds them whatever the text says). */
#define LD_MESSAGE_ID_DECISION "5c1f4a3c0c7a4d6d9a4b51e0d2b6a7e1"
#define LD_MESSAGE_ID_TAMPER   "9e2d7b1f64a84c5f8e0c3b7a2d1f6e48"

bool ld_journal_available(void)
{
	return true;
}

struct fields {
	struct iovec iov[32];
	char *owned[32];
	unsigned int n;
};

static void add(struct fields *f, const char *name, const char *value)
{
	char *s;

	if (!value || f->n >= 32 || asprintf(&s, "%s=%s", name, value) < 0)
		return;
	f->owned[f->n] = s;
	f->iov[f->n].iov_base = s;
	f->iov[f->n].iov_len = strlen(s);
	f->n++;
}

/* A field from the event's JSON rendering (already escaped), when it is there. */
static void add_json(struct fields *f, const char *name, struct json_object *o, const char *key)
{
	struct json_object *v;

	if (json_object_object_get_ex(o, key, &v) && v)
		add(f, name, json_object_get_string(v));
}

int ld_journal_event(const struct ld_event *e, const struct ld_event_ctx *ctx)
{
	struct json_object *o = ld_event_json(e, ctx);
	struct fields f = { .n = 0 };
	char line[2048], num[32];
	bool tamper = e->kind == LD_EVK_TAMPER;
	int ret;

	ld_event_text(e, ctx, line, sizeof(line));
	add(&f, "MESSAGE", line);
	add(&f, "MESSAGE_ID", tamper ? LD_MESSAGE_ID_TAMPER : LD_MESSAGE_ID_DECISION);
	snprintf(num, sizeof(num), "%d",
		 e->outcome == LD_OUT_DENIED || tamper ? LOG_WARNING : LOG_NOTICE);
	add(&f, "PRIORITY", num);
	add(&f, "SYSLOG_IDENTIFIER", "lockdown");
	add_json(&f, "LOCKDOWN_KIND", o, "kind");
	add_json(&f, tamper ? "LOCKDOWN_TAMPER" : "LOCKDOWN_REASON", o,
		 tamper ? "tamper" : "reason");
	add_json(&f, "LOCKDOWN_ACTION", o, "action");
	add_json(&f, "LOCKDOWN_CLASS", o, "class");
	add_json(&f, "LOCKDOWN_RULE", o, "rule");
	add_json(&f, "LOCKDOWN_MATCH", o, "match");
	add_json(&f, "LOCKDOWN_EXE", o, ctx && ctx->exe_path ? "exe" : "exe_name");
	if (!(e->flags & LD_EV_NO_EXE)) {
		snprintf(line, sizeof(line), "%u:%u:%llu", ld_kdev_major(e->exe_dev),
			 ld_kdev_minor(e->exe_dev), (unsigned long long)e->exe_ino);
		add(&f, "LOCKDOWN_EXE_ID", line);
	}
	add_json(&f, "LOCKDOWN_COMM", o, "comm");
	add_json(&f, "LOCKDOWN_PID", o, "pid");
	add_json(&f, "LOCKDOWN_UID", o, "uid");
	add_json(&f, "LOCKDOWN_CGROUP", o, "cgroup");
	add_json(&f, "LOCKDOWN_GENERATION", o, "generation");
	if (tamper)
		add_json(&f, "LOCKDOWN_TARGET", o, "target");
	/* The journal's own name for the process a message is about. */
	add_json(&f, "OBJECT_PID", o, "pid");
	ret = sd_journal_sendv(f.iov, (int)f.n);
	for (unsigned int i = 0; i < f.n; i++)
		free(f.owned[i]);
	json_object_put(o);
	return ret;
}
#else
bool ld_journal_available(void)
{
	return false;
}

int ld_journal_event(const struct ld_event *e, const struct ld_event_ctx *ctx)
{
	(void)e;
	(void)ctx;
	return -EOPNOTSUPP;
}
#endif
