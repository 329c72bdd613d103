// SPDX-License-Identifier: GPL-2.0-only
/*
 * Pure rendering of what the enforcer's maps hold: event records, counters, metadata.
 * No system calls here, so the unit tests pin down every output format.
 */
#include "enforcer.h"
#include "escape.h"
#include "policy/policy.h"

#include <stdio.h>
#include <string.h>
#include <sys/sysmacros.h>

/* Longest path printed for an executable (longer ones are cut, never unescaped). */
#define PATH_MAX_TEXT 1024
#include <time.h>

_Static_assert(LD_META_NAME_LEN == LD_RULE_NAME_LEN, "rule names fit the metadata");
_Static_assert(sizeof(((struct ld_meta *)0)->source) == sizeof(((struct ld_compiled *)0)->source),
	       "policy source fits the metadata");

void ld_counters_sum(const struct ld_counters *percpu, unsigned int ncpus, struct ld_counters *out)
{
	memset(out, 0, sizeof(*out));
	for (unsigned int cpu = 0; cpu < ncpus; cpu++) {
		const struct ld_counters *c = &percpu[cpu];

		for (int o = 0; o < LD_OUTCOMES; o++)
			out->outcome[o] += c->outcome[o];
		out->events += c->events;
		out->ratelimited += c->ratelimited;
		out->dropped += c->dropped;
	}
}

void ld_counters_total(const struct ld_counters in[LD_SLOTS], struct ld_counters *out)
{
	ld_counters_sum(in, LD_REASONS, out);
}

void ld_counters_json_add(struct json_object *o, const struct ld_counters *c)
{
	json_object_object_add(o, "allowed", json_object_new_uint64(c->outcome[LD_OUT_ALLOWED]));
	json_object_object_add(o, "audited", json_object_new_uint64(c->outcome[LD_OUT_AUDITED]));
	json_object_object_add(o, "denied", json_object_new_uint64(c->outcome[LD_OUT_DENIED]));
	json_object_object_add(o, "events", json_object_new_uint64(c->events));
	json_object_object_add(o, "ratelimited", json_object_new_uint64(c->ratelimited));
	json_object_object_add(o, "dropped", json_object_new_uint64(c->dropped));
}

void ld_meta_from_compiled(const struct ld_compiled *c, unsigned int gen, __u64 now_ns,
			   struct ld_meta *m)
{
	memset(m, 0, sizeof(*m));
	m->magic = LD_META_MAGIC;
	m->gen = gen;
	m->mode = c->pol.mode;
	m->applied_ns = now_ns;
	m->nrules = c->pol.nrules;
	m->nexes = (__u32)c->nexes;
	m->ncgroups = (__u32)c->ncgroups;
	m->nuids = (__u32)c->nuids;
	m->nobjects = (__u32)c->nobjects;
	memcpy(m->digest, c->pol.digest, sizeof(m->digest));
	snprintf(m->source, sizeof(m->source), "%s", c->source);
	for (unsigned int i = 0; i < LD_RULES && i < c->pol.nrules; i++)
		snprintf(m->rule_names[i], sizeof(m->rule_names[i]), "%s", c->rule_names[i]);
}

const char *ld_meta_rule_name(const struct ld_meta *m, unsigned int rule, char *buf, size_t len)
{
	if (!m || m->magic != LD_META_MAGIC || rule >= LD_RULES || rule >= m->nrules ||
	    !m->rule_names[rule][0])
		return NULL;
	/* Pinned state may come from anyone with root: the name need not end in a NUL. */
	return ld_field_escape(m->rule_names[rule], sizeof(m->rule_names[rule]), LD_ESC_WORD, buf,
			       len);
}

const struct ld_meta *ld_event_meta(const struct ld_event *e, const struct ld_meta *const *metas)
{
	const struct ld_meta *m = metas ? metas[e->gen & 1] : NULL;

	/* The set holds a later policy once the event's own was replaced: its names would lie. */
	return m && m->magic == LD_META_MAGIC && m->gen == e->gen ? m : NULL;
}

const char *ld_event_verb(const struct ld_event *e)
{
	if (e->kind == LD_EVK_TAMPER || e->outcome == LD_OUT_DENIED)
		return "deny";
	if (e->flags & LD_EV_WOULD_DENY)
		return "would-deny";
	return "audit";
}

void ld_format_time(__u64 real_ns, char *buf, size_t len)
{
	time_t s = (time_t)(real_ns / 1000000000ULL);
	struct tm tm;
	char date[32];

	if (!gmtime_r(&s, &tm) || !strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%S", &tm)) {
		snprintf(buf, len, "?");
		return;
	}
	snprintf(buf, len, "%s.%09lluZ", date, (unsigned long long)(real_ns % 1000000000ULL));
}

/* Room for a fixed-size field of n bytes escaped: 4 bytes per byte, and the NUL. */
#define ESCAPED(n) (4 * (n) + 1)

static const struct ld_reason *event_reason(const struct ld_event *e,
					    const struct ld_event_ctx *ctx)
{
	if (e->kind != LD_EVK_REASON)
		return NULL;
	return ctx && ctx->rs ? ld_reason_by_number(ctx->rs, e->reason) : NULL;
}

static const struct ld_meta *event_meta(const struct ld_event *e, const struct ld_event_ctx *ctx)
{
	return ctx ? ld_event_meta(e, ctx->meta) : NULL;
}

/*
 * exe= of the text line: the path while /proc/PID/exe still names the file the kernel saw;
 * else the file name the kernel recorded and the file's identity; "none" for no executable.
 */
static void exe_text(const struct ld_event *e, const struct ld_event_ctx *ctx, char *buf,
		     size_t len)
{
	char name[ESCAPED(LD_EXE_NAME_LEN)];

	if (e->flags & LD_EV_NO_EXE) {
		snprintf(buf, len, "none");
	} else if (ctx && ctx->exe_path) {
		ld_field_escape(ctx->exe_path, strlen(ctx->exe_path), LD_ESC_WORD, buf, len);
	} else {
		ld_field_escape(e->exe_name, sizeof(e->exe_name), LD_ESC_WORD, name, sizeof(name));
		snprintf(buf, len, "%s exe_id=%u:%u:%llu", name[0] ? name : "?",
			 ld_kdev_major(e->exe_dev), ld_kdev_minor(e->exe_dev),
			 (unsigned long long)e->exe_ino);
	}
}

static void target_text(const struct ld_event *e, char *buf, size_t len)
{
	switch (e->reason) {
	case LD_TAMPER_MAP_WRITE:
		snprintf(buf, len, " map=%llu", (unsigned long long)e->obj_ino);
		break;
	case LD_TAMPER_PROG_MAPS:
	case LD_TAMPER_PROG_FD:
	case LD_TAMPER_MAP_ITER:
		snprintf(buf, len, " prog=%llu", (unsigned long long)e->obj_ino);
		break;
	case LD_TAMPER_PTRACE:
		snprintf(buf, len, " target_pid=%llu", (unsigned long long)e->obj_ino);
		break;
	default:
		if (e->obj_dev || e->obj_ino)
			snprintf(buf, len, " target=%u:%u:%llu", ld_kdev_major(e->obj_dev),
				 ld_kdev_minor(e->obj_dev), (unsigned long long)e->obj_ino);
		else
			buf[0] = '\0';
	}
}

/* object= of the text line: the module or kexec image the kernel read, by name and identity. */
static void object_text(const struct ld_event *e, char *buf, size_t len)
{
	char name[ESCAPED(LD_EXE_NAME_LEN)];

	if (!(e->flags & LD_EV_OBJECT)) {
		buf[0] = '\0';
		return;
	}
	ld_field_escape(e->obj_name, sizeof(e->obj_name), LD_ESC_WORD, name, sizeof(name));
	snprintf(buf, len, " object=%s object_id=%u:%u:%llu", name[0] ? name : "?",
		 ld_kdev_major(e->obj_dev), ld_kdev_minor(e->obj_dev),
		 (unsigned long long)e->obj_ino);
}

int ld_event_text(const struct ld_event *e, const struct ld_event_ctx *ctx, char *buf, size_t len)
{
	const struct ld_reason *r = event_reason(e, ctx);
	char rulebuf[ESCAPED(LD_META_NAME_LEN)], comm[ESCAPED(LD_COMM_LEN)];
	char exe[ESCAPED(PATH_MAX_TEXT)], name[64], target[64],
		object[ESCAPED(LD_EXE_NAME_LEN) + 64];
	const char *rule = ld_meta_rule_name(event_meta(e, ctx), e->rule, rulebuf, sizeof(rulebuf));

	ld_field_escape(e->comm, sizeof(e->comm), LD_ESC_WORD, comm, sizeof(comm));
	exe_text(e, ctx, exe, sizeof(exe));
	if (e->kind == LD_EVK_TAMPER) {
		target_text(e, target, sizeof(target));
		return snprintf(buf, len,
				"lockdown: deny tamper %s (%s) pid=%u comm=%s exe=%s uid=%u%s",
				ld_tamper_name(e->reason), ld_tamper_description(e->reason), e->pid,
				comm, exe, e->uid, target);
	}
	if (r)
		snprintf(name, sizeof(name), "%s", r->name);
	else
		snprintf(name, sizeof(name), "reason%u", e->reason);
	if (!rule) {
		snprintf(rulebuf, sizeof(rulebuf), "#%u", e->rule);
		rule = rulebuf;
	}
	object_text(e, object, sizeof(object));
	return snprintf(
		buf, len,
		"lockdown: %s %s (%s) pid=%u comm=%s exe=%s uid=%u cgroup=%llu%s rule=%s%s%s",
		ld_event_verb(e), name, r && r->description ? r->description : "?", e->pid, comm,
		exe, e->uid, (unsigned long long)e->cgroup_id, object, rule,
		(e->flags & LD_EV_NOT_ACTOR) ? " subject=kernel" : "",
		(e->flags & LD_EV_TRACED)    ? " exemption=withheld-traced"
		: (e->flags & LD_EV_REVOKED) ? " exemption=withheld-replaced"
					     : "");
}

static struct json_object *json_escaped(const char *in, size_t inlen)
{
	char buf[ESCAPED(PATH_MAX_TEXT)];

	return json_object_new_string(ld_field_escape(in, inlen, LD_ESC_JSON, buf, sizeof(buf)));
}

/* CLOCK_REALTIME of a CLOCK_MONOTONIC stamp, without overflow on a forged record. */
static __u64 event_realtime(const struct ld_event *e, const struct ld_event_ctx *ctx)
{
	__s64 off = ctx ? ctx->mono_to_real_ns : 0;

	return e->ts_ns + (__u64)off; /* unsigned: wraps, never undefined */
}

struct json_object *ld_event_json(const struct ld_event *e, const struct ld_event_ctx *ctx)
{
	struct json_object *o = json_object_new_object();
	const struct ld_reason *r = event_reason(e, ctx);
	const struct ld_meta *m = event_meta(e, ctx);
	char rulebuf[ESCAPED(LD_META_NAME_LEN)], buf[300];
	const char *rule = ld_meta_rule_name(m, e->rule, rulebuf, sizeof(rulebuf));
	bool tamper = e->kind == LD_EVK_TAMPER;

	ld_format_time(event_realtime(e, ctx), buf, sizeof(buf));
	json_object_object_add(o, "time", json_object_new_string(buf));
	json_object_object_add(o, "monotonic_ns", json_object_new_uint64(e->ts_ns));
	json_object_object_add(o, "kind", json_object_new_string(tamper ? "tamper" : "reason"));
	json_object_object_add(o, "action", json_object_new_string(ld_event_verb(e)));
	json_object_object_add(
		o, "outcome",
		json_object_new_string(ld_outcome_name(tamper ? LD_OUT_DENIED : e->outcome)));
	json_object_object_add(o, "would_deny",
			       json_object_new_boolean(!!(e->flags & LD_EV_WOULD_DENY)));
	if (tamper) {
		json_object_object_add(o, "tamper",
				       json_object_new_string(ld_tamper_name(e->reason)));
		json_object_object_add(o, "description",
				       json_object_new_string(ld_tamper_description(e->reason)));
		snprintf(buf, sizeof(buf), "%u:%u", ld_kdev_major(e->obj_dev),
			 ld_kdev_minor(e->obj_dev));
		json_object_object_add(o, "target_dev", json_object_new_string(buf));
		json_object_object_add(o, "target", json_object_new_uint64(e->obj_ino));
	} else if (r) {
		json_object_object_add(o, "reason", json_object_new_string(r->name));
		json_object_object_add(o, "class", json_object_new_string(ld_class_name(r->class)));
		json_object_object_add(o, "description",
				       r->description ? json_object_new_string(r->description)
						      : NULL);
	} else {
		json_object_object_add(o, "reason", NULL);
		json_object_object_add(o, "class", NULL);
		json_object_object_add(o, "description", NULL);
	}
	json_object_object_add(o, "reason_number", json_object_new_int((int)e->reason));
	json_object_object_add(o, "pid", json_object_new_int64(e->pid));
	json_object_object_add(o, "tid", json_object_new_int64(e->tid));
	json_object_object_add(o, "comm", json_escaped(e->comm, sizeof(e->comm)));
	json_object_object_add(o, "parent_comm", json_escaped(e->pcomm, sizeof(e->pcomm)));
	if (e->flags & LD_EV_NO_EXE) {
		json_object_object_add(o, "exe", NULL);
		json_object_object_add(o, "exe_name", NULL);
	} else {
		json_object_object_add(o, "exe",
				       ctx && ctx->exe_path
					       ? json_escaped(ctx->exe_path, strlen(ctx->exe_path))
					       : NULL);
		json_object_object_add(
			o, "exe_name",
			e->exe_name[0] ? json_escaped(e->exe_name, sizeof(e->exe_name)) : NULL);
		snprintf(buf, sizeof(buf), "%u:%u", ld_kdev_major(e->exe_dev),
			 ld_kdev_minor(e->exe_dev));
		json_object_object_add(o, "exe_dev", json_object_new_string(buf));
		json_object_object_add(o, "exe_ino", json_object_new_uint64(e->exe_ino));
	}
	json_object_object_add(o, "uid", json_object_new_int64(e->uid));
	json_object_object_add(o, "gid", json_object_new_int64(e->gid));
	json_object_object_add(o, "cgroup", json_object_new_uint64(e->cgroup_id));
	json_object_object_add(o, "pidns", json_object_new_int64(e->pidns));
	json_object_object_add(o, "netns", json_object_new_int64(e->netns));
	json_object_object_add(o, "host", json_object_new_boolean(!!(e->flags & LD_EV_HOST)));
	json_object_object_add(o, "kernel_thread",
			       json_object_new_boolean(!!(e->flags & LD_EV_KTHREAD)));
	json_object_object_add(o, "subject_is_actor",
			       json_object_new_boolean(!(e->flags & LD_EV_NOT_ACTOR)));
	if (tamper)
		return o;
	json_object_object_add(o, "mode", json_object_new_string(ld_mode_name(e->mode)));
	json_object_object_add(o, "rule", rule ? json_object_new_string(rule) : NULL);
	json_object_object_add(o, "rule_index", json_object_new_int(e->rule));
	json_object_object_add(o, "rule_action", json_object_new_string(ld_action_name(e->action)));
	json_object_object_add(o, "match", json_object_new_string(ld_match_name(e->match)));
	json_object_object_add(o, "exemption_withheld",
			       (e->flags & LD_EV_TRACED)    ? json_object_new_string("traced")
			       : (e->flags & LD_EV_REVOKED) ? json_object_new_string("replaced")
							    : NULL);
	json_object_object_add(o, "generation", json_object_new_int64(e->gen));
	if (e->flags & LD_EV_OBJECT) {
		struct json_object *obj = json_object_new_object();

		json_object_object_add(
			obj, "name",
			e->obj_name[0] ? json_escaped(e->obj_name, sizeof(e->obj_name)) : NULL);
		snprintf(buf, sizeof(buf), "%u:%u", ld_kdev_major(e->obj_dev),
			 ld_kdev_minor(e->obj_dev));
		json_object_object_add(obj, "dev", json_object_new_string(buf));
		json_object_object_add(obj, "ino", json_object_new_uint64(e->obj_ino));
		json_object_object_add(o, "object", obj);
	} else {
		json_object_object_add(o, "object", NULL);
	}
	return o;
}

/* ---- Prometheus text exposition format ------------------------------------------------ */

/* A label value: backslash, double quote and newline escaped; other bytes as they are,
 * except invalid UTF-8 and control bytes, which become \xNN (the format wants UTF-8). */
static void prom_label(FILE *f, const char *v, size_t len)
{
	char buf[ESCAPED(PATH_MAX_TEXT)];

	ld_field_escape(v, len, LD_ESC_JSON, buf, sizeof(buf));
	for (const char *p = buf; *p; p++) {
		if (*p == '"' || *p == '\\')
			fputc('\\', f);
		fputc(*p, f);
	}
}

static void prom_head(FILE *f, const char *name, const char *type, const char *help)
{
	fprintf(f, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

void ld_prom_write(FILE *f, const struct ld_snapshot *s)
{
	static const char *const outcomes[LD_OUTCOMES] = { "allowed", "audited", "denied" };
	static const char *const levels[] = { "none", "integrity", "confidentiality" };
	char hex[65];

	prom_head(f, "lockdown_kernel_level", "gauge",
		  "The kernel's own lockdown level: 1 for the level in force.");
	for (unsigned int l = 0; l < 3; l++)
		fprintf(f, "lockdown_kernel_level{level=\"%s\"} %d\n", levels[l],
			s->have_level && (unsigned int)s->kernel_level == l);
	prom_head(f, "lockdown_enforcer_loaded", "gauge",
		  "1 when the enforcer's program is attached (pinned under " LD_PIN_DIR ").");
	fprintf(f, "lockdown_enforcer_loaded %d\n", s->loaded);
	if (!s->loaded)
		return;
	prom_head(f, "lockdown_sealed", "gauge",
		  "1 when the policy in force is sealed until reboot.");
	fprintf(f, "lockdown_sealed %d\n", s->active.sealed ? 1 : 0);
	if (s->active.sealed) {
		prom_head(f, "lockdown_sealed_timestamp_seconds", "gauge",
			  "When the policy was sealed, in seconds since the epoch.");
		fprintf(f, "lockdown_sealed_timestamp_seconds %llu\n",
			(unsigned long long)(s->active.sealed_ns / 1000000000ULL));
	}
	if (s->have_meta) {
		for (int i = 0; i < 32; i++)
			snprintf(hex + 2 * i, 3, "%02x", s->meta.digest[i]);
		prom_head(f, "lockdown_policy_info", "gauge",
			  "The policy in force: its source, SHA-256 digest, mode and generation.");
		fprintf(f, "lockdown_policy_info{source=\"");
		prom_label(f, s->meta.source, sizeof(s->meta.source));
		fprintf(f, "\",digest=\"%s\",mode=\"%s\",generation=\"%u\"} 1\n", hex,
			ld_mode_name(s->meta.mode), s->active.gen);
		prom_head(f, "lockdown_policy_applied_timestamp_seconds", "gauge",
			  "When the policy in force was applied, in seconds since the epoch.");
		fprintf(f, "lockdown_policy_applied_timestamp_seconds %llu\n",
			(unsigned long long)(s->meta.applied_ns / 1000000000ULL));
	}
	prom_head(f, "lockdown_decisions_total", "counter",
		  "Calls the enforcer decided, per lockdown reason and outcome.");
	for (unsigned int n = 0; n < LD_REASONS; n++) {
		const struct ld_reason *r = s->rs ? ld_reason_by_number(s->rs, n) : NULL;
		char name[48];

		if (!r && !s->per[n].outcome[0] && !s->per[n].outcome[1] && !s->per[n].outcome[2])
			continue;
		snprintf(name, sizeof(name), "%s", r ? r->name : "");
		if (!r)
			snprintf(name, sizeof(name), "reason%u", n);
		for (int o = 0; o < LD_OUTCOMES; o++)
			fprintf(f,
				"lockdown_decisions_total{reason=\"%s\",class=\"%s\",outcome=\"%"
				"s\"} %llu\n",
				name, r ? ld_class_name(r->class) : "unknown", outcomes[o],
				(unsigned long long)s->per[n].outcome[o]);
	}
	prom_head(f, "lockdown_events_total", "counter",
		  "Reports of audited and denied calls: written to the event buffer, held back by "
		  "the rate limit, or dropped because the buffer was full.");
	{
		struct ld_counters t;

		ld_counters_total(s->per, &t);
		fprintf(f, "lockdown_events_total{fate=\"written\"} %llu\n",
			(unsigned long long)t.events);
		fprintf(f, "lockdown_events_total{fate=\"ratelimited\"} %llu\n",
			(unsigned long long)t.ratelimited);
		fprintf(f, "lockdown_events_total{fate=\"dropped\"} %llu\n",
			(unsigned long long)t.dropped);
	}
	prom_head(f, "lockdown_tamper_refused_total", "counter",
		  "Attempts on the sealed enforcer the kernel refused, per kind.");
	for (unsigned int k = 0; k < LD_TAMPER_KINDS; k++)
		fprintf(f, "lockdown_tamper_refused_total{kind=\"%s\"} %llu\n", ld_tamper_name(k),
			(unsigned long long)s->per[LD_REASONS + k].outcome[LD_OUT_DENIED]);
}
