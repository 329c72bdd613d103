// SPDX-License-Identifier: GPL-2.0-only
/*
 * lockdown explain: what would the policy decide for this subject and reason, and why.
 * Resolves --exe/--cgroup/--uid through the same code as the compiler, does the subject
 * lookups the BPF program does, and calls the same ld_decide().
 */
#include "cmds.h"
#include "decide.h"
#include "policy/policy.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

struct subject {
	const char *exe, *cgroup, *uid_arg;
	const char *object; /* --module or --kexec FILE */
	unsigned int okind; /* its enum ld_object_kind */
	char cgroup_dir[1280];
	__u64 dev, ino, cgroup_id, odev, oino;
	__u32 uid;
	bool host;
};

/* The rules the program finds for reason r: the object's only for the reason of its kind. */
static struct ld_subject_rules rules_for(const struct ld_compiled *c, const struct subject *s,
					 const struct ld_subject_rules *base,
					 const struct ld_reason *r)
{
	struct ld_subject_rules sr = *base;

	if (s->object && ld_object_kind_of(r->name) == s->okind)
		ld_compiled_match_object(c, s->okind, s->odev, s->oino, s->dev, s->ino,
					 s->cgroup_id, s->uid, &sr);
	return sr;
}

static const char *rule_or_none(const struct ld_compiled *c, __u32 rule)
{
	return rule == LD_RULE_NONE || rule >= c->pol.nrules ? NULL : c->rule_names[rule];
}

static struct json_object *jstr_or_null(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

static struct json_object *verdict_json(const struct ld_compiled *c, const struct ld_reason *r,
					const struct ld_subject_rules *sr,
					const struct ld_verdict *v)
{
	struct json_object *o = json_object_new_object();
	struct json_object *cand = json_object_new_object();

	json_object_object_add(o, "reason", json_object_new_string(r->name));
	json_object_object_add(o, "number", json_object_new_int((int)r->number));
	json_object_object_add(o, "class", json_object_new_string(ld_class_name(r->class)));
	json_object_object_add(o, "action", json_object_new_string(ld_action_name(v->action)));
	json_object_object_add(o, "outcome", json_object_new_string(ld_outcome_name(v->outcome)));
	json_object_object_add(o, "ret", json_object_new_int(v->ret));
	json_object_object_add(o, "would_deny", json_object_new_boolean(v->would_deny));
	json_object_object_add(o, "rule", json_object_new_string(c->rule_names[v->rule]));
	json_object_object_add(o, "rule_index", json_object_new_int(v->rule));
	json_object_object_add(o, "match", json_object_new_string(ld_match_name(v->match)));
	json_object_object_add(cand, "object", jstr_or_null(rule_or_none(c, sr->obj)));
	json_object_object_add(cand, "executable", jstr_or_null(rule_or_none(c, sr->exe)));
	json_object_object_add(cand, "cgroup", jstr_or_null(rule_or_none(c, sr->cgroup)));
	json_object_object_add(cand, "uid", jstr_or_null(rule_or_none(c, sr->uid)));
	json_object_object_add(cand, "host",
			       jstr_or_null(sr->host ? rule_or_none(c, c->pol.host_rule) : NULL));
	json_object_object_add(cand, "default", json_object_new_string(c->rule_names[0]));
	json_object_object_add(o, "candidates", cand);
	return o;
}

static const char *outcome_text(const struct ld_verdict *v)
{
	if (v->outcome == LD_OUT_DENIED)
		return "denied: the operation fails with EPERM, and an event is logged";
	if (v->would_deny)
		return "allowed, logged as a would-deny (audit mode)";
	if (v->outcome == LD_OUT_AUDITED)
		return "allowed, and an event is logged";
	return "allowed silently";
}

static void print_one(const struct ld_compiled *c, const struct ld_reason *r,
		      const struct ld_subject_rules *sr, const struct ld_verdict *v,
		      const struct subject *s)
{
	static const char *const levels[] = { "object", "executable", "cgroup", "uid", "host" };
	const char *cands[5] = {
		rule_or_none(c, sr->obj),
		rule_or_none(c, sr->exe),
		rule_or_none(c, sr->cgroup),
		rule_or_none(c, sr->uid),
		sr->host ? rule_or_none(c, c->pol.host_rule) : NULL,
	};
	bool decided = false;

	printf("%s (%s; %s class, number %u on this kernel)\n", r->name, r->description,
	       ld_class_name(r->class), r->number);
	printf("  verdict:    %s -> %s\n", ld_action_name(v->action), outcome_text(v));
	if (c->rule_lines[v->rule])
		printf("  rule:       [%s] (%s:%u), matched by %s\n",
		       v->rule ? c->rule_names[v->rule] : "Policy", ld_safe(c->source),
		       c->rule_lines[v->rule], ld_match_name(v->match));
	else
		printf("  rule:       %s, matched by %s\n", c->rule_names[v->rule],
		       ld_match_name(v->match));
	printf("  subject:    exe %s, cgroup %s, uid %u, %s\n",
	       s->exe ? ld_safe(s->exe) : "(unnamed)", s->cgroup ? ld_safe(s->cgroup) : "(unnamed)",
	       s->uid, s->host ? "host (initial pid and net namespaces)" : "container");
	if (s->object)
		printf("  object:     %s %s%s\n", ld_object_noun(s->okind), ld_safe(s->object),
		       ld_object_kind_of(r->name) == s->okind ? "" : " (decides another reason)");
	printf("  precedence:");
	for (int i = 0; i < 5; i++) {
		if (!cands[i]) {
			printf(" %s -", levels[i]);
		} else {
			printf(" %s [%s]%s", levels[i], cands[i], decided ? " (outranked)" : "");
			decided = true;
		}
		printf(" >");
	}
	printf(" default [%s]%s\n", c->rule_names[0], decided ? " (outranked)" : "");
}

/* The reasons --reason names (any case, a group too) on this kernel; a usage error if none. */
static int reasons_of(const char *reason, const struct ld_reasons *rs,
		      const struct ld_reason *list[LD_REASONS], unsigned int *nlist)
{
	const struct ld_reason *r;
	char name[64];
	__u64 group;

	if (ld_reason_name_fold(reason, name, sizeof(name)) != 0)
		return ld_usage_error("explain",
				      "--reason: '%.60s...' is too long for a reason name", reason);
	*nlist = 0;
	if (ld_reason_group(rs, name, &group)) {
		for (unsigned int i = 0; i < rs->count; i++)
			if (group & (1ull << rs->r[i].number))
				list[(*nlist)++] = &rs->r[i];
		return 0;
	}
	r = ld_reason_by_name(rs, name);
	if (r) {
		list[(*nlist)++] = r;
		return 0;
	}
	if (ld_catalog_lookup(name))
		return ld_usage_error("explain",
				      "--reason: this kernel has no reason '%s': nothing to decide",
				      name);
	if (ld_reason_suggest(name))
		return ld_usage_error("explain", "--reason: unknown reason '%s' (did you mean %s?)",
				      name, ld_reason_suggest(name));
	return ld_usage_error(
		"explain", "--reason: unknown reason '%s' (`lockdown reasons` lists them)", name);
}

/* The subject's identities, through the compiler's own functions. */
static int resolve_subject(struct subject *s)
{
	char err[1600];

	if (s->exe && ld_exe_identity(s->exe, &s->dev, &s->ino, err, sizeof(err)) != 0) {
		ld_err("explain: --exe: %s", err);
		return LD_EXIT_ERR;
	}
	if (s->cgroup && ld_cgroup_identity(s->cgroup, NULL, &s->cgroup_id, s->cgroup_dir,
					    sizeof(s->cgroup_dir), err, sizeof(err)) != 0) {
		ld_err("explain: --cgroup: %s", err);
		return LD_EXIT_ERR;
	}
	if (s->uid_arg && ld_uid_identity(s->uid_arg, NULL, &s->uid, err, sizeof(err)) != 0) {
		ld_err("explain: --uid: %s", err);
		return LD_EXIT_ERR;
	}
	if (s->object) {
		struct stat st;

		if (stat(s->object, &st) != 0 || !S_ISREG(st.st_mode)) {
			ld_err("explain: --%s: '%s' is not a regular file", ld_object_key(s->okind),
			       ld_safe(s->object));
			return LD_EXIT_ERR;
		}
		if (ld_exe_identity(s->object, &s->odev, &s->oino, err, sizeof(err)) != 0) {
			ld_err("explain: --%s: %s", ld_object_key(s->okind), err);
			return LD_EXIT_ERR;
		}
	}
	return 0;
}

static void print_json(const struct ld_compiled *c, const struct subject *s,
		       const struct ld_subject_rules *sr, const struct ld_reason *const *list,
		       unsigned int nlist)
{
	struct json_object *o = json_object_new_object();
	struct json_object *subj = json_object_new_object();
	struct json_object *arr = json_object_new_array();
	char hex[65];

	ld_compiled_digest_hex(c, hex);
	json_object_object_add(o, "policy", json_object_new_string(c->source));
	json_object_object_add(o, "digest", json_object_new_string(hex));
	json_object_object_add(o, "mode", json_object_new_string(ld_mode_name(c->pol.mode)));
	json_object_object_add(subj, "exe", jstr_or_null(s->exe));
	if (s->exe) {
		json_object_object_add(subj, "dev", json_object_new_int64((int64_t)s->dev));
		json_object_object_add(subj, "ino", json_object_new_int64((int64_t)s->ino));
	}
	json_object_object_add(subj, "cgroup", jstr_or_null(s->cgroup));
	if (s->cgroup)
		json_object_object_add(subj, "cgroup_id",
				       json_object_new_int64((int64_t)s->cgroup_id));
	json_object_object_add(subj, "uid", json_object_new_int64(s->uid));
	json_object_object_add(subj, "host", json_object_new_boolean(s->host));
	json_object_object_add(o, "subject", subj);
	if (s->object) {
		struct json_object *obj = json_object_new_object();

		json_object_object_add(obj, "kind",
				       json_object_new_string(ld_object_noun(s->okind)));
		json_object_object_add(obj, "path", json_object_new_string(s->object));
		json_object_object_add(obj, "dev", json_object_new_int64((int64_t)s->odev));
		json_object_object_add(obj, "ino", json_object_new_int64((int64_t)s->oino));
		json_object_object_add(o, "object", obj);
	} else {
		json_object_object_add(o, "object", NULL);
	}
	for (unsigned int i = 0; i < nlist; i++) {
		struct ld_subject_rules r = rules_for(c, s, sr, list[i]);
		struct ld_verdict v = ld_decide(&c->pol, list[i]->number, &r);

		json_object_array_add(arr, verdict_json(c, list[i], &r, &v));
	}
	json_object_object_add(o, "verdicts", arr);
	ld_json_print(o);
}

/* Several reasons: one line each. */
static void print_table(const struct ld_compiled *c, const struct subject *s,
			const struct ld_subject_rules *sr, const struct ld_reason *const *list,
			unsigned int nlist)
{
	printf("policy %s, mode %s; subject: exe %s, cgroup %s, uid %u, %s\n\n", ld_safe(c->source),
	       ld_mode_name(c->pol.mode), s->exe ? ld_safe(s->exe) : "(unnamed)",
	       s->cgroup ? ld_safe(s->cgroup) : "(unnamed)", s->uid,
	       s->host ? "host" : "container");
	printf("%-22s %-16s %-7s %-9s %-20s %s\n", "REASON", "CLASS", "ACTION", "OUTCOME", "RULE",
	       "MATCHED BY");
	for (unsigned int i = 0; i < nlist; i++) {
		struct ld_subject_rules r = rules_for(c, s, sr, list[i]);
		struct ld_verdict v = ld_decide(&c->pol, list[i]->number, &r);

		printf("%-22s %-16s %-7s %-9s %-20s %s\n", list[i]->name,
		       ld_class_name(list[i]->class), ld_action_name(v.action),
		       ld_outcome_name(v.outcome), c->rule_names[v.rule], ld_match_name(v.match));
	}
}

int cmd_explain(int argc, char **argv)
{
	const char *reason;
	const struct ld_reason *list[LD_REASONS];
	unsigned int nlist = 0;
	struct subject s = { .host = true };
	struct ld_subject_rules sr;
	struct ld_compiled c;
	struct ld_reasons rs;
	struct ld_args a;
	int ret;

	if (!ld_args_parse("explain", argc, argv, &a))
		return a.exit;
	reason = ld_arg(&a, "reason");
	s.exe = ld_arg(&a, "exe");
	s.uid_arg = ld_arg(&a, "uid");
	s.cgroup = ld_arg(&a, "cgroup");
	s.host = !ld_flag(&a, "container");
	s.object = ld_arg(&a, "module");
	s.okind = LD_OBJ_MODULE;
	if (ld_arg(&a, "kexec")) {
		if (s.object)
			return ld_usage_error("explain", "--module or --kexec, not both");
		s.object = ld_arg(&a, "kexec");
		s.okind = LD_OBJ_KEXEC;
	}
	if (!reason)
		return ld_usage_error("explain", "--reason R is required (a reason name, or all)");
	ret = ld_policy_args_reasons(&a, &rs);
	if (!ret)
		ret = reasons_of(reason, &rs, list, &nlist);
	if (!ret)
		ret = resolve_subject(&s);
	if (ret)
		return ret;

	ret = ld_policy_args_compile(&a, &rs, &c, NULL);
	if (ret != 0)
		return ld_policy_exit_code(ret);

	ld_compiled_match(&c, s.dev, s.ino, s.cgroup_id, s.uid, s.host, &sr);
	if (ld_g.json) {
		print_json(&c, &s, &sr, list, nlist);
	} else if (nlist == 1) {
		struct ld_subject_rules r = rules_for(&c, &s, &sr, list[0]);
		struct ld_verdict v = ld_decide(&c.pol, list[0]->number, &r);

		printf("policy %s, mode %s\n", ld_safe(c.source), ld_mode_name(c.pol.mode));
		print_one(&c, list[0], &r, &v, &s);
	} else {
		print_table(&c, &s, &sr, list, nlist);
	}
	ld_compiled_free(&c);
	return LD_EXIT_OK;
}
