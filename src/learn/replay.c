// SPDX-License-Identifier: GPL-2.0-only
/*
 * lockdown replay: what a candidate policy would have done to recorded calls. Each call goes
 * through ld_compiled_match() and ld_decide(), the lookups and the decision the BPF program
 * makes, and is compared with what the policy in force then did.
 */
#include "learn.h"
#include "policy/policy.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define LD_REPLAY_LIST 200 /* newly denied calls listed; all are counted */

struct counts {
	unsigned long long n[LD_OUTCOMES];
	unsigned long long newly_denied;
};

struct ld_replay {
	const struct ld_compiled *c;
	const struct ld_reasons *rs;
	struct counts reason[LD_REASONS];
	struct counts rule[LD_RULES];
	struct counts total;
	unsigned long long unknown;
	struct ld_rec *denied; /* the first LD_REPLAY_LIST newly denied calls */
	size_t ndenied;
	unsigned short *denied_rule;
};

struct ld_replay *ld_replay_new(const struct ld_compiled *c, const struct ld_reasons *rs)
{
	struct ld_replay *rp = calloc(1, sizeof(*rp));

	if (!rp)
		return NULL;
	rp->c = c;
	rp->rs = rs;
	rp->denied = calloc(LD_REPLAY_LIST, sizeof(*rp->denied));
	rp->denied_rule = calloc(LD_REPLAY_LIST, sizeof(*rp->denied_rule));
	if (!rp->denied || !rp->denied_rule) {
		ld_replay_free(rp);
		return NULL;
	}
	return rp;
}

void ld_replay_free(struct ld_replay *rp)
{
	if (!rp)
		return;
	free(rp->denied);
	free(rp->denied_rule);
	free(rp);
}

int ld_replay_add(struct ld_replay *rp, const struct ld_rec *r)
{
	const struct ld_reason *reason = ld_reason_by_name(rp->rs, r->reason);
	struct ld_subject_rules sr;
	struct ld_verdict v;
	bool newly;

	if (!reason || reason->number >= LD_REASONS) {
		rp->unknown++;
		return 0;
	}
	/* As the program reads the task: a kernel thread has no executable and no uid rule. */
	ld_compiled_match(rp->c, r->kthread || !r->has_exe ? 0 : r->exe_dev,
			  r->kthread || !r->has_exe ? 0 : r->exe_ino, r->cgroup,
			  r->kthread ? (__u32)-1 : r->uid, r->host && !r->kthread, &sr);
	if (r->has_obj)
		ld_compiled_match_object(rp->c, ld_object_kind_of(reason->name), r->obj_dev,
					 r->obj_ino, r->kthread || !r->has_exe ? 0 : r->exe_dev,
					 r->kthread || !r->has_exe ? 0 : r->exe_ino, r->cgroup,
					 r->kthread ? (__u32)-1 : r->uid, &sr);
	v = ld_decide(&rp->c->pol, reason->number, &sr);
	newly = v.outcome == LD_OUT_DENIED && strcmp(r->outcome, "denied") != 0;
	rp->reason[reason->number].n[v.outcome]++;
	rp->rule[v.rule & (LD_RULES - 1)].n[v.outcome]++;
	rp->total.n[v.outcome]++;
	if (newly) {
		rp->reason[reason->number].newly_denied++;
		rp->rule[v.rule & (LD_RULES - 1)].newly_denied++;
		if (rp->total.newly_denied < LD_REPLAY_LIST) {
			rp->denied[rp->ndenied] = *r;
			rp->denied_rule[rp->ndenied++] = v.rule;
		}
		rp->total.newly_denied++;
	}
	return 0;
}

static struct json_object *counts_json(const struct counts *c)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "allowed", json_object_new_uint64(c->n[LD_OUT_ALLOWED]));
	json_object_object_add(o, "audited", json_object_new_uint64(c->n[LD_OUT_AUDITED]));
	json_object_object_add(o, "denied", json_object_new_uint64(c->n[LD_OUT_DENIED]));
	json_object_object_add(o, "newly_denied", json_object_new_uint64(c->newly_denied));
	return o;
}

static bool any(const struct counts *c)
{
	return c->n[0] || c->n[1] || c->n[2];
}

static const char *exe_of(const struct ld_rec *r)
{
	return r->exe[0] ? r->exe : r->exe_name[0] ? r->exe_name : r->kthread ? "(kernel)" : "?";
}

unsigned long ld_replay_report(struct ld_replay *rp, FILE *out, bool json)
{
	if (json) {
		struct json_object *o = json_object_new_object(), *a = json_object_new_array();

		json_object_object_add(o, "policy", json_object_new_string(rp->c->source));
		for (unsigned int n = 0; n < LD_REASONS; n++) {
			const struct ld_reason *r = ld_reason_by_number(rp->rs, n);
			struct json_object *x;

			if (!any(&rp->reason[n]) || !r)
				continue;
			x = counts_json(&rp->reason[n]);
			json_object_object_add(x, "reason", json_object_new_string(r->name));
			json_object_array_add(a, x);
		}
		json_object_object_add(o, "reasons", a);
		a = json_object_new_array();
		for (unsigned int k = 0; k < rp->c->pol.nrules && k < LD_RULES; k++) {
			struct json_object *x;

			if (!any(&rp->rule[k]))
				continue;
			x = counts_json(&rp->rule[k]);
			json_object_object_add(x, "rule",
					       json_object_new_string(rp->c->rule_names[k]));
			json_object_array_add(a, x);
		}
		json_object_object_add(o, "rules", a);
		json_object_object_add(o, "total", counts_json(&rp->total));
		json_object_object_add(o, "unknown_reason", json_object_new_uint64(rp->unknown));
		a = json_object_new_array();
		for (size_t i = 0; i < rp->ndenied; i++) {
			const struct ld_rec *r = &rp->denied[i];
			struct json_object *x = json_object_new_object();

			json_object_object_add(x, "time", json_object_new_string(r->time));
			json_object_object_add(x, "reason", json_object_new_string(r->reason));
			json_object_object_add(x, "pid", json_object_new_uint64(r->pid));
			json_object_object_add(x, "comm", json_object_new_string(r->comm));
			json_object_object_add(x, "exe", json_object_new_string(exe_of(r)));
			json_object_object_add(x, "uid", json_object_new_uint64(r->uid));
			json_object_object_add(
				x, "rule",
				json_object_new_string(
					rp->c->rule_names[rp->denied_rule[i] & (LD_RULES - 1)]));
			json_object_array_add(a, x);
		}
		json_object_object_add(o, "newly_denied", a);
		ld_json_print(o);
		return (unsigned long)rp->total.newly_denied;
	}
	fprintf(out, "replay of %s over %llu calls\n\n", ld_safe(rp->c->source),
		rp->total.n[0] + rp->total.n[1] + rp->total.n[2] + rp->unknown);
	fprintf(out, "%-22s %10s %10s %10s %13s\n", "REASON", "ALLOWED", "AUDITED", "DENIED",
		"NEWLY DENIED");
	for (unsigned int n = 0; n < LD_REASONS; n++) {
		const struct ld_reason *r = ld_reason_by_number(rp->rs, n);
		const struct counts *c = &rp->reason[n];

		if (any(c) && r)
			fprintf(out, "%-22s %10llu %10llu %10llu %13llu\n", r->name, c->n[0],
				c->n[1], c->n[2], c->newly_denied);
	}
	fprintf(out, "\n%-22s %10s %10s %10s %13s\n", "RULE", "ALLOWED", "AUDITED", "DENIED",
		"NEWLY DENIED");
	for (unsigned int k = 0; k < rp->c->pol.nrules && k < LD_RULES; k++) {
		const struct counts *c = &rp->rule[k];

		if (any(c))
			fprintf(out, "%-22s %10llu %10llu %10llu %13llu\n",
				ld_safe(rp->c->rule_names[k]), c->n[0], c->n[1], c->n[2],
				c->newly_denied);
	}
	if (rp->unknown)
		fprintf(out, "\n%llu calls name a reason this kernel does not have: not replayed\n",
			rp->unknown);
	fprintf(out, "\n%llu calls allowed then would be denied", rp->total.newly_denied);
	fprintf(out, "%s\n", rp->total.newly_denied ? ":" : ".");
	for (size_t i = 0; i < rp->ndenied; i++) {
		const struct ld_rec *r = &rp->denied[i];

		fprintf(out, "  %s %s pid=%u comm=%s exe=%s uid=%u rule=%s\n", r->time, r->reason,
			r->pid, ld_safe(r->comm), ld_safe(exe_of(r)), r->uid,
			ld_safe(rp->c->rule_names[rp->denied_rule[i] & (LD_RULES - 1)]));
	}
	if (rp->total.newly_denied > rp->ndenied)
		fprintf(out, "  ... and %llu more\n", rp->total.newly_denied - rp->ndenied);
	return (unsigned long)rp->total.newly_denied;
}
