// SPDX-License-Identifier: GPL-2.0-only
/*
 * The policy compiler's second pass, and its entry points. Only a file free of errors gets
 * here: [Policy]'s lines give the default rule, each subject section starts from that row
 * and applies its own lines, subjects get their rule index (sorted for lookup), and the
 * digest is computed. Then the warnings about the whole policy (allows everything, Seal=yes
 * with what a seal cannot hold).
 */
#include "internal.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILE_SIZE (4u << 20)

/* ---- pass 2 ------------------------------------------------------------------------- */

static void apply_ops(__u8 row[LD_REASONS], const struct section *s)
{
	for (size_t i = 0; i < s->nops; i++)
		for (unsigned int r = 0; r < LD_REASONS; r++)
			if (s->ops[i].reasons & (1ull << r))
				row[r] = s->ops[i].action;
}

static int build(struct ctx *c, struct ld_compiled *out)
{
	int rule_of[LD_RULES];
	int next = 1;
	__u8 def[LD_REASONS] = { 0 };

	out->pol.mode = c->opts->force_audit ? LD_MODE_AUDIT : c->mode;
	out->pol.rate_limit = (__u16)c->rate_limit;
	out->pol.host_rule = LD_RULE_NONE;
	out->seal = c->seal;
	out->seal_line = c->seal_line;
	snprintf(out->rule_names[0], LD_RULE_NAME_LEN, "default");
	if (c->policy >= 0) {
		apply_ops(def, &c->secs[c->policy]);
		out->rule_lines[0] = c->secs[c->policy].line;
	}
	memcpy(out->pol.action[0], def, LD_REASONS);
	for (int i = 0; i < c->nsecs; i++) {
		const struct section *s = &c->secs[i];

		rule_of[i] = -1;
		if (s->is_policy)
			continue;
		rule_of[i] = next;
		memcpy(out->pol.action[next], def, LD_REASONS);
		apply_ops(out->pol.action[next], s);
		snprintf(out->rule_names[next], LD_RULE_NAME_LEN, "%s", s->name);
		out->rule_lines[next] = s->line;
		if (s->host_line && !ld_sec_has_objects(s))
			out->pol.host_rule = (__u16)next;
		next++;
	}
	out->pol.nrules = (__u32)next;

	/* The subjects of subject sections; an object section's subjects narrow its objects. */
	for (int k = 0; k < SUBJ_KINDS; k++) {
		struct subj_list *l = &c->subj[k];
		size_t n = 0;

		for (size_t i = 0; i < l->n; i++)
			if (!ld_sec_has_objects(&c->secs[l->v[i].sec]))
				l->v[n++] = l->v[i];
		l->n = n;
	}
	const struct subj_list *ex = &c->subj[SUBJ_EXE], *cg = &c->subj[SUBJ_CGROUP],
			       *us = &c->subj[SUBJ_UID];

	if ((ex->n && !(out->exes = calloc(ex->n, sizeof(*out->exes)))) ||
	    (cg->n && !(out->cgroups = calloc(cg->n, sizeof(*out->cgroups)))) ||
	    (us->n && !(out->uids = calloc(us->n, sizeof(*out->uids)))))
		return -ENOMEM;
	for (size_t i = 0; i < ex->n; i++) {
		out->exes[i].dev = ex->v[i].id;
		out->exes[i].ino = ex->v[i].ino;
		out->exes[i].rule = (__u32)rule_of[ex->v[i].sec];
		memcpy(out->exes[i].path, ex->v[i].path, sizeof(out->exes[i].path));
	}
	for (size_t i = 0; i < cg->n; i++) {
		out->cgroups[i].id = cg->v[i].id;
		out->cgroups[i].rule = (__u32)rule_of[cg->v[i].sec];
		memcpy(out->cgroups[i].path, cg->v[i].path, sizeof(out->cgroups[i].path));
	}
	for (size_t i = 0; i < us->n; i++) {
		out->uids[i].uid = (__u32)us->v[i].id;
		out->uids[i].rule = (__u32)rule_of[us->v[i].sec];
	}
	out->nexes = ex->n;
	out->ncgroups = cg->n;
	out->nuids = us->n;
	for (size_t i = 0; i < c->nobjects; i++)
		c->objects[i].rule = (__u32)rule_of[c->objects[i].rule];
	out->objects = c->objects; /* handed over */
	out->nobjects = c->nobjects;
	c->objects = NULL;
	c->nobjects = 0;
	out->libs = c->libs; /* handed over */
	out->nlibs = c->nlibs;
	c->libs = NULL;
	c->nlibs = 0;
	ld_compiled_sort(out);
	return ld_compiled_compute_digest(out, c->rs);
}

/* Seal=yes: what a seal cannot hold, said once here for check and apply alike. */
static void seal_warnings(const struct ld_compiled *out, const struct ld_reasons *rs,
			  struct ld_diag *diag, const char *file)
{
	char risks[1024];
	bool hib;

	if (out->nuids || out->ncgroups)
		ld_diag_add(
			diag, LD_DIAG_WARNING, file, out->seal_line,
			"sealed User= and Cgroup= rules stay open to root, which can change its "
			"uid "
			"or move into a cgroup; only Executable= exemptions are root-proof");
	if (ld_seal_risks(out, rs, risks, sizeof(risks), &hib))
		ld_diag_add(diag, LD_DIAG_WARNING, file, out->seal_line,
			    "Seal=yes, but root could still change the running kernel through %s: "
			    "apply refuses to seal this without --force",
			    risks);
}

/* [Policy] alone, and it denies and audits nothing: the policy allows everything. */
static bool allows_everything(const struct ld_compiled *out)
{
	if (out->pol.nrules != 1)
		return false;
	for (unsigned int k = 0; k < LD_REASONS; k++)
		if (out->pol.action[0][k] != LD_ACT_ALLOW)
			return false;
	return true;
}

int ld_policy_compile_buffer(const char *file, const char *text, size_t len,
			     const struct ld_reasons *rs, const struct ld_policy_opts *opts,
			     struct ld_compiled *out, struct ld_diag *diag)
{
	static const struct ld_policy_opts no_opts;
	struct ctx *c;
	unsigned int errors_before;
	int ret;

	memset(out, 0, sizeof(*out));
	/* The compiled policy names its file (status, events): never a shortened name. */
	if (strlen(file) >= sizeof(out->source)) {
		ld_diag_add(diag, LD_DIAG_ERROR, file, 0,
			    "the policy's path is too long (%zu characters; at most %zu)",
			    strlen(file), sizeof(out->source) - 1);
		return -ENAMETOOLONG;
	}
	c = calloc(1, sizeof(*c));
	if (!c) {
		ld_diag_add(diag, LD_DIAG_ERROR, file, 0, "out of memory");
		return -ENOMEM;
	}
	c->file = file;
	c->text = text;
	c->len = len;
	c->rs = rs;
	c->opts = opts ? opts : &no_opts;
	c->diag = diag;
	c->cur = CUR_NONE;
	c->policy = -1;
	c->host_sec = -1;
	c->mode = LD_MODE_ENFORCE;
	c->rate_limit = LD_DEFAULT_RATE_LIMIT;

	errors_before = diag->errors;
	ld_policy_parse(c);
	if (diag->errors != errors_before) {
		ret = c->oom ? -ENOMEM : -EINVAL;
	} else {
		snprintf(out->source, sizeof(out->source), "%s", file);
		ret = build(c, out);
		if (ret)
			ld_diag_add(diag, LD_DIAG_ERROR, file, 0, "%s", strerror(-ret));
		else if (allows_everything(out))
			ld_diag_add(
				diag, LD_DIAG_WARNING, file, out->rule_lines[0],
				"this policy allows every reason to every task: [Policy] denies "
				"and audits nothing, and there is no subject section");
		if (!ret && out->seal)
			seal_warnings(out, rs, diag, file);
	}
	ld_policy_ctx_free(c);
	free(c);
	if (ret) {
		ld_compiled_free(out);
		memset(out, 0, sizeof(*out));
	}
	return ret;
}

int ld_policy_compile_file(const char *path, const struct ld_reasons *rs,
			   const struct ld_policy_opts *opts, struct ld_compiled *out,
			   struct ld_diag *diag)
{
	char *buf;
	size_t len;
	int ret;

	memset(out, 0, sizeof(*out));
	/* A regular file only (a FIFO is refused, never waited on), of bounded size. */
	ret = ld_read_file_alloc(path, MAX_FILE_SIZE, &buf, &len);
	if (ret) {
		if (ret == -EFBIG)
			ld_diag_add(diag, LD_DIAG_ERROR, path, 0,
				    "larger than %u MiB: not a policy", MAX_FILE_SIZE >> 20);
		else
			ld_diag_add(diag, LD_DIAG_ERROR, path, 0, "cannot read: %s",
				    ret == -ENOENT ? "no such file" : ld_errno_hint(-ret));
		return ret;
	}
	ret = ld_policy_compile_buffer(path, buf, len, rs, opts, out, diag);
	free(buf);
	return ret;
}
