// SPDX-License-Identifier: GPL-2.0-only
/*
 * Pure rendering of what the enforcer's maps hold: event records, counters, metadata.
 * No system calls here, so the unit tests pin down every output format.
 */
#include "enforcer.h"
#include "policy/policy.h"

#include <stdio.h>
#include <string.h>
#include <sys/sysmacros.h>
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

void ld_counters_total(const struct ld_counters in[LD_REASONS], struct ld_counters *out)
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
	memcpy(m->digest, c->pol.digest, sizeof(m->digest));
	snprintf(m->source, sizeof(m->source), "%s", c->source);
	for (unsigned int i = 0; i < LD_RULES && i < c->pol.nrules; i++)
		snprintf(m->rule_names[i], sizeof(m->rule_names[i]), "%s", c->rule_names[i]);
}

const char *ld_meta_rule_name(const struct ld_meta *m, unsigned int rule)
{
	if (!m || m->magic != LD_META_MAGIC || rule >= LD_RULES || rule >= m->nrules ||
	    !m->rule_names[rule][0])
		return NULL;
	return m->rule_names[rule];
}

const struct ld_meta *ld_event_meta(const struct ld_event *e, const struct ld_meta *const *metas)
{
	const struct ld_meta *m = metas ? metas[e->gen & 1] : NULL;

	/* The set holds a later policy once the event's own was replaced: its names would lie. */
	return m && m->magic == LD_META_MAGIC && m->gen == e->gen ? m : NULL;
}

const char *ld_variant_name(unsigned int variant)
{
	return variant == LD_VARIANT_PROBE ? "probe-read (5.10)" : "btf";
}

__u64 ld_dev_to_kernel(dev_t dev)
{
	return ((__u64)major(dev) << 20) | (minor(dev) & 0xfffff);
}

unsigned int ld_kdev_major(__u64 kdev)
{
	return (unsigned int)(kdev >> 20);
}

unsigned int ld_kdev_minor(__u64 kdev)
{
	return (unsigned int)(kdev & 0xfffff);
}

const char *ld_event_verb(const struct ld_event *e)
{
	if (e->outcome == LD_OUT_DENIED)
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

/* A comm from the kernel: at most 16 bytes, maybe without NUL; unprintables become '?'. */
static void comm_text(const char *in, char out[LD_COMM_LEN + 1])
{
	size_t i;

	for (i = 0; i < LD_COMM_LEN && in[i]; i++)
		out[i] = (in[i] > ' ' && in[i] < 0x7f) ? in[i] : '?';
	out[i] = '\0';
}

static const struct ld_reason *event_reason(const struct ld_event *e,
					    const struct ld_event_ctx *ctx)
{
	return ctx && ctx->rs ? ld_reason_by_number(ctx->rs, e->reason) : NULL;
}

static const struct ld_meta *event_meta(const struct ld_event *e, const struct ld_event_ctx *ctx)
{
	return ctx ? ld_event_meta(e, ctx->meta) : NULL;
}

static void exe_text(const struct ld_event *e, const struct ld_event_ctx *ctx, char *buf,
		     size_t len)
{
	if (e->flags & LD_EV_NO_EXE)
		snprintf(buf, len, "none");
	else if (ctx && ctx->exe_path)
		snprintf(buf, len, "%s", ctx->exe_path);
	else
		snprintf(buf, len, "%u:%u:%llu", ld_kdev_major(e->exe_dev),
			 ld_kdev_minor(e->exe_dev), (unsigned long long)e->exe_ino);
}

int ld_event_text(const struct ld_event *e, const struct ld_event_ctx *ctx, char *buf, size_t len)
{
	const struct ld_reason *r = event_reason(e, ctx);
	const char *rule = ld_meta_rule_name(event_meta(e, ctx), e->rule);
	char comm[LD_COMM_LEN + 1], exe[300], name[64], rulebuf[16];

	if (r)
		snprintf(name, sizeof(name), "%s", r->name);
	else
		snprintf(name, sizeof(name), "reason%u", e->reason);
	if (!rule) {
		snprintf(rulebuf, sizeof(rulebuf), "#%u", e->rule);
		rule = rulebuf;
	}
	comm_text(e->comm, comm);
	exe_text(e, ctx, exe, sizeof(exe));
	return snprintf(buf, len,
			"lockdown: %s %s (%s) pid=%u comm=%s exe=%s uid=%u cgroup=%llu rule=%s%s",
			ld_event_verb(e), name, r && r->description ? r->description : "?", e->pid,
			comm, exe, e->uid, (unsigned long long)e->cgroup_id, rule,
			(e->flags & LD_EV_NOT_ACTOR) ? " subject=kernel" : "");
}

struct json_object *ld_event_json(const struct ld_event *e, const struct ld_event_ctx *ctx)
{
	struct json_object *o = json_object_new_object();
	const struct ld_reason *r = event_reason(e, ctx);
	const struct ld_meta *m = event_meta(e, ctx);
	const char *rule = ld_meta_rule_name(m, e->rule);
	char buf[300], comm[LD_COMM_LEN + 1];
	__u64 real = (__u64)((__s64)e->ts_ns + (ctx ? ctx->mono_to_real_ns : 0));

	ld_format_time(real, buf, sizeof(buf));
	json_object_object_add(o, "time", json_object_new_string(buf));
	json_object_object_add(o, "monotonic_ns", json_object_new_uint64(e->ts_ns));
	json_object_object_add(o, "action", json_object_new_string(ld_event_verb(e)));
	json_object_object_add(o, "outcome", json_object_new_string(ld_outcome_name(e->outcome)));
	json_object_object_add(o, "would_deny",
			       json_object_new_boolean(!!(e->flags & LD_EV_WOULD_DENY)));
	if (r) {
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
	comm_text(e->comm, comm);
	json_object_object_add(o, "comm", json_object_new_string(comm));
	comm_text(e->pcomm, comm);
	json_object_object_add(o, "parent_comm", json_object_new_string(comm));
	if (e->flags & LD_EV_NO_EXE) {
		json_object_object_add(o, "exe", NULL);
	} else {
		json_object_object_add(o, "exe",
				       ctx && ctx->exe_path ? json_object_new_string(ctx->exe_path)
							    : NULL);
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
	json_object_object_add(o, "mode", json_object_new_string(ld_mode_name(e->mode)));
	json_object_object_add(o, "rule", rule ? json_object_new_string(rule) : NULL);
	json_object_object_add(o, "rule_index", json_object_new_int(e->rule));
	json_object_object_add(o, "rule_action", json_object_new_string(ld_action_name(e->action)));
	json_object_object_add(o, "match", json_object_new_string(ld_match_name(e->match)));
	json_object_object_add(o, "generation", json_object_new_int64(e->gen));
	return o;
}
