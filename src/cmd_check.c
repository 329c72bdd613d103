// SPDX-License-Identifier: GPL-2.0-only
/*
 * lockdown check: validate a policy offline and print what it compiles to for this kernel:
 * per rule the action of every reason, and the subjects of each rule. Needs only the
 * kernel's BTF (or --btf FILE); no BPF.
 */
#include "cmds.h"
#include "kdev.h"
#include "policy/policy.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static bool rule_has_subject(const struct ld_compiled *c, unsigned int r)
{
	if (c->pol.host_rule == r)
		return true;
	for (size_t i = 0; i < c->nexes; i++)
		if (c->exes[i].rule == r)
			return true;
	for (size_t i = 0; i < c->ncgroups; i++)
		if (c->cgroups[i].rule == r)
			return true;
	for (size_t i = 0; i < c->nuids; i++)
		if (c->uids[i].rule == r)
			return true;
	for (size_t i = 0; i < c->nobjects; i++)
		if (c->objects[i].rule == r)
			return true;
	return false;
}

static const char *osubj_name(unsigned int subj)
{
	static const char *const names[] = { [LD_OSUBJ_ANY] = "any",
					     [LD_OSUBJ_EXE] = "executable",
					     [LD_OSUBJ_CGROUP] = "cgroup",
					     [LD_OSUBJ_UID] = "uid" };

	return subj < sizeof(names) / sizeof(names[0]) ? names[subj] : "?";
}

/* The object entries of rule r: each (file, narrowing subject) of its Module= and Kexec=. */
static struct json_object *objects_json(const struct ld_compiled *c, unsigned int r)
{
	struct json_object *arr = json_object_new_array();

	for (size_t i = 0; i < c->nobjects; i++) {
		const struct ld_obj_rule *o = &c->objects[i];
		struct json_object *e;

		if (o->rule != r)
			continue;
		e = json_object_new_object();
		json_object_object_add(e, "kind", json_object_new_string(ld_object_noun(o->kind)));
		json_object_object_add(e, "path", json_object_new_string(o->path));
		json_object_object_add(e, "dev", json_object_new_int64((int64_t)o->dev));
		json_object_object_add(e, "ino", json_object_new_int64((int64_t)o->ino));
		json_object_object_add(e, "narrowed_by",
				       json_object_new_string(osubj_name(o->subj)));
		json_object_array_add(arr, e);
	}
	return arr;
}

static struct json_object *subjects_json(const struct ld_compiled *c, unsigned int r)
{
	struct json_object *o = json_object_new_object();
	struct json_object *exes = json_object_new_array();
	struct json_object *cgs = json_object_new_array();
	struct json_object *uids = json_object_new_array();

	for (size_t i = 0; i < c->nexes; i++) {
		struct json_object *e;

		if (c->exes[i].rule != r)
			continue;
		e = json_object_new_object();
		json_object_object_add(e, "path", json_object_new_string(c->exes[i].path));
		json_object_object_add(e, "dev", json_object_new_int64((int64_t)c->exes[i].dev));
		json_object_object_add(e, "ino", json_object_new_int64((int64_t)c->exes[i].ino));
		json_object_array_add(exes, e);
	}
	for (size_t i = 0; i < c->ncgroups; i++) {
		struct json_object *e;

		if (c->cgroups[i].rule != r)
			continue;
		e = json_object_new_object();
		json_object_object_add(e, "path", json_object_new_string(c->cgroups[i].path));
		json_object_object_add(e, "id", json_object_new_int64((int64_t)c->cgroups[i].id));
		json_object_array_add(cgs, e);
	}
	for (size_t i = 0; i < c->nuids; i++)
		if (c->uids[i].rule == r)
			json_object_array_add(uids, json_object_new_int64(c->uids[i].uid));
	json_object_object_add(o, "executables", exes);
	json_object_object_add(o, "cgroups", cgs);
	json_object_object_add(o, "uids", uids);
	json_object_object_add(o, "host", json_object_new_boolean(c->pol.host_rule == r));
	json_object_object_add(o, "objects", objects_json(c, r));
	return o;
}

static void print_json(const struct ld_compiled *c, const struct ld_reasons *rs,
		       const struct ld_diag *d, const char *source, bool valid)
{
	struct json_object *o = json_object_new_object();
	struct json_object *rules, *reasons;
	char hex[65];

	json_object_object_add(o, "source", json_object_new_string(source));
	json_object_object_add(o, "valid", json_object_new_boolean(valid));
	json_object_object_add(o, "errors", ld_diag_json(d, LD_DIAG_ERROR));
	json_object_object_add(o, "warnings", ld_diag_json(d, LD_DIAG_WARNING));
	if (!valid) {
		ld_json_print(o);
		return;
	}
	ld_compiled_digest_hex(c, hex);
	json_object_object_add(o, "mode", json_object_new_string(ld_mode_name(c->pol.mode)));
	json_object_object_add(o, "rate_limit", json_object_new_int(c->pol.rate_limit));
	json_object_object_add(o, "digest", json_object_new_string(hex));
	reasons = json_object_new_array();
	for (unsigned int i = 0; i < rs->count; i++) {
		struct json_object *r = json_object_new_object();

		json_object_object_add(r, "number", json_object_new_int((int)rs->r[i].number));
		json_object_object_add(r, "name", json_object_new_string(rs->r[i].name));
		json_object_object_add(r, "class",
				       json_object_new_string(ld_class_name(rs->r[i].class)));
		json_object_array_add(reasons, r);
	}
	json_object_object_add(o, "reasons", reasons);
	rules = json_object_new_array();
	for (unsigned int r = 0; r < c->pol.nrules; r++) {
		struct json_object *j = json_object_new_object();
		struct json_object *acts = json_object_new_object();

		json_object_object_add(j, "index", json_object_new_int((int)r));
		json_object_object_add(j, "name", json_object_new_string(c->rule_names[r]));
		json_object_object_add(j, "line", json_object_new_int((int)c->rule_lines[r]));
		if (r > 0)
			json_object_object_add(j, "subjects", subjects_json(c, r));
		for (unsigned int i = 0; i < rs->count; i++)
			json_object_object_add(acts, rs->r[i].name,
					       json_object_new_string(ld_action_name(
						       c->pol.action[r][rs->r[i].number])));
		json_object_object_add(j, "actions", acts);
		json_object_array_add(rules, j);
	}
	json_object_object_add(o, "rules", rules);
	ld_json_print(o);
}

static void print_subjects(const struct ld_compiled *c, unsigned int r)
{
	const char *sep = "";

	if (r == 0) {
		printf("every task no other rule matches");
		return;
	}
	for (size_t i = 0; i < c->nexes; i++) {
		if (c->exes[i].rule != r)
			continue;
		printf("%sExecutable=%s (dev %u:%u, inode %llu)", sep, ld_safe(c->exes[i].path),
		       ld_kdev_major(c->exes[i].dev), ld_kdev_minor(c->exes[i].dev),
		       (unsigned long long)c->exes[i].ino);
		sep = "; ";
	}
	for (size_t i = 0; i < c->ncgroups; i++) {
		if (c->cgroups[i].rule != r)
			continue;
		printf("%sCgroup=%s (id %llu)", sep, ld_safe(c->cgroups[i].path),
		       (unsigned long long)c->cgroups[i].id);
		sep = "; ";
	}
	for (size_t i = 0; i < c->nuids; i++) {
		if (c->uids[i].rule != r)
			continue;
		printf("%sUser=%u", sep, c->uids[i].uid);
		sep = "; ";
	}
	if (c->pol.host_rule == r)
		printf("%sHost=yes (initial pid and net namespaces)", sep);
	for (size_t i = 0; i < c->nobjects; i++) {
		const struct ld_obj_rule *o = &c->objects[i];

		/* One line per file: the entries of one file (one per narrowing subject) sit
		 * side by side, sorted by file. */
		if (o->rule != r || (i && o[-1].rule == r && o[-1].kind == o->kind &&
				     o[-1].dev == o->dev && o[-1].ino == o->ino))
			continue;
		printf("%s%s=%s (dev %u:%u, inode %llu%s)", sep, ld_object_key(o->kind),
		       ld_safe(o->path), ld_kdev_major(o->dev), ld_kdev_minor(o->dev),
		       (unsigned long long)o->ino,
		       o->subj == LD_OSUBJ_ANY ? ", any task" : ", for the subjects above");
		sep = "; ";
	}
	if (!rule_has_subject(c, r))
		printf("(no subject)");
}

static void print_text(const struct ld_compiled *c, const struct ld_reasons *rs, const char *source)
{
	int width[LD_RULES];
	char hex[65];
	size_t name_w = 0;

	ld_compiled_digest_hex(c, hex);
	printf("%s: valid; mode %s, %u rule%s, rate limit %u events/s per reason%s\n",
	       ld_safe(source), ld_mode_name(c->pol.mode), c->pol.nrules,
	       c->pol.nrules == 1 ? "" : "s", c->pol.rate_limit,
	       c->pol.rate_limit ? "" : " (no events)");
	printf("digest: sha256:%s\n\n", hex);

	printf("%-22s %-16s", "REASON", "CLASS");
	for (unsigned int r = 0; r < c->pol.nrules; r++) {
		width[r] = (int)strlen(c->rule_names[r]);
		if (width[r] < 7)
			width[r] = 7;
		printf(" %-*s", r + 1 < c->pol.nrules ? width[r] : 0, c->rule_names[r]);
	}
	printf("\n");
	for (unsigned int i = 0; i < rs->count; i++) {
		const struct ld_reason *x = &rs->r[i];

		printf("%-22s %-16s", x->name, ld_class_name(x->class));
		for (unsigned int r = 0; r < c->pol.nrules; r++)
			printf(" %-*s", r + 1 < c->pol.nrules ? width[r] : 0,
			       ld_action_name(c->pol.action[r][x->number]));
		printf("\n");
	}

	for (unsigned int r = 0; r < c->pol.nrules; r++)
		if (strlen(c->rule_names[r]) > name_w)
			name_w = strlen(c->rule_names[r]);
	printf("\nrules (precedence: object > executable > cgroup > uid > host > default):\n");
	for (unsigned int r = 0; r < c->pol.nrules; r++) {
		char where[32] = "";

		if (c->rule_lines[r])
			snprintf(where, sizeof(where), "line %u", c->rule_lines[r]);
		printf("  %-*s  %-10s ", (int)name_w, c->rule_names[r], where);
		print_subjects(c, r);
		printf("\n");
	}
}

int cmd_check(int argc, char **argv)
{
	const char *profile, *path;
	struct ld_compiled c;
	struct ld_diag d = { 0 };
	struct ld_reasons rs;
	struct ld_args a;
	char *source;
	int ret;

	if (!ld_args_parse("check", argc, argv, &a))
		return a.exit;
	profile = ld_arg(&a, "profile");
	path = a.noperands ? a.operand[0] : NULL;
	ret = ld_policy_args_reasons(&a, &rs);
	if (ret != 0)
		return ret;
	ret = ld_policy_args_compile(&a, &rs, &c, &d);
	if (ret != 0 && ret != -EINVAL) {
		ld_diag_fail_json(&d);
		ld_diag_free(&d);
		return ld_policy_exit_code(ret);
	}
	/* Compiled: the file it came from (a profile may be a file in /etc/lockdown). */
	if (asprintf(&source, "%s%s", ret == 0 || !profile ? "" : "profile:",
		     ret == 0  ? c.source
		     : profile ? profile
			       : path) < 0) {
		ld_err("check: out of memory");
		ld_compiled_free(&c);
		ld_diag_free(&d);
		return LD_EXIT_ERR;
	}
	if (ld_g.json) {
		print_json(&c, &rs, &d, source, ret == 0);
	} else if (ret == 0) {
		print_text(&c, &rs, source);
	} else {
		printf("%s: invalid: %u error%s, %u warning%s; nothing compiled\n", ld_safe(source),
		       d.errors, d.errors == 1 ? "" : "s", d.warnings, d.warnings == 1 ? "" : "s");
	}
	free(source);
	ld_compiled_free(&c);
	ld_diag_free(&d);
	return ld_policy_exit_code(ret);
}
