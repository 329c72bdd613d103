// SPDX-License-Identifier: GPL-2.0-only
/*
 * lockdown audit: can root modify this kernel, and what to change so it cannot.
 *
 * Inputs are gathered once (src/audit/gather.c), every check of the profile is evaluated
 * (src/audit/checks.c holds them as data) and the results are printed as a table, as JSON,
 * or as the fragments that fix the failures.
 */
#include "audit/audit.h"
#include "cmds.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum fix_kind {
	FIX_NONE,
	FIX_KCONFIG,
	FIX_SYSCTL,
	FIX_CMDLINE,
};

static struct json_object *jstr(const char *s)
{
	return s && *s ? json_object_new_string(s) : NULL;
}

static struct json_object *inputs_json(const struct ld_audit_input *in)
{
	struct json_object *o = json_object_new_object(), *k = json_object_new_object(), *x;
	char kv[16];

	json_object_object_add(o, "offline", json_object_new_boolean(in->offline));
	json_object_object_add(o, "running_kernel", jstr(in->running));
	json_object_object_add(k, "path", jstr(in->kconfig_path));
	json_object_object_add(k, "origin", in->have_kconfig ? jstr(in->kconfig_origin) : NULL);
	json_object_object_add(k, "version", in->have_kconfig ? jstr(in->kconfig.version) : NULL);
	json_object_object_add(k, "version_match",
			       in->version_match < 0 ? NULL
						     : json_object_new_boolean(in->version_match));
	if (in->have_kconfig) {
		json_object_object_add(k, "options",
				       json_object_new_int64((int64_t)in->kconfig.count));
		json_object_object_add(k, "malformed_lines",
				       json_object_new_int(in->kconfig.bad_lines));
	}
	json_object_object_add(k, "error", in->have_kconfig ? NULL : jstr(in->kconfig_why));
	json_object_object_add(o, "kconfig", k);

	x = json_object_new_object();
	json_object_object_add(x, "path", jstr(in->cmdline_path));
	json_object_object_add(x, "error", in->have_cmdline ? NULL : jstr(in->cmdline_why));
	json_object_object_add(o, "cmdline", x);
	x = json_object_new_object();
	json_object_object_add(x, "path", jstr(in->sysctl_dir));
	json_object_object_add(x, "error", in->sysctl_root ? NULL : jstr(in->sysctl_why));
	json_object_object_add(o, "sysctl_root", x);
	json_object_object_add(o, "securityfs", jstr(in->securityfs_dir));
	json_object_object_add(o, "sysfs_root", jstr(in->sysfs_dir));
	if (in->kver) {
		snprintf(kv, sizeof(kv), "%u.%u", in->kver >> 16, (in->kver >> 8) & 0xff);
		json_object_object_add(o, "kernel_version_for_checks", json_object_new_string(kv));
	}
	return o;
}

static struct json_object *inputs_array(unsigned int m)
{
	static const struct {
		unsigned int bit;
		const char *name;
	} names[] = { { LD_SRC_KCONFIG, "kconfig" },
		      { LD_SRC_CMDLINE, "cmdline" },
		      { LD_SRC_SYSCTL, "sysctl" },
		      { LD_SRC_RUNTIME, "runtime" } };
	struct json_object *a = json_object_new_array();

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (m & names[i].bit)
			json_object_array_add(a, json_object_new_string(names[i].name));
	return a;
}

static struct json_object *report_json(enum ld_profile p, const struct ld_audit_input *in,
				       const struct ld_result *res, size_t n,
				       const unsigned int *counts)
{
	struct json_object *o = json_object_new_object(), *arr = json_object_new_array(), *sum;

	json_object_object_add(o, "profile", json_object_new_string(ld_profile_name(p)));
	json_object_object_add(o, "inputs", inputs_json(in));
	for (size_t i = 0; i < n; i++) {
		const struct ld_result *r = &res[i];
		struct json_object *c = json_object_new_object();

		json_object_object_add(c, "id", json_object_new_string(r->check->id));
		json_object_object_add(c, "title", json_object_new_string(r->check->title));
		json_object_object_add(c, "area", json_object_new_string(r->check->area));
		json_object_object_add(c, "severity", json_object_new_string(ld_sev_name(r->sev)));
		json_object_object_add(c, "status",
				       json_object_new_string(ld_status_name(r->status)));
		json_object_object_add(c, "evidence", json_object_new_string(r->evidence));
		json_object_object_add(c, "fix",
				       r->status == LD_ST_PASS ? NULL : jstr(r->check->fix));
		json_object_object_add(c, "inputs", inputs_array(r->inputs));
		json_object_object_add(c, "source", jstr(r->check->source));
		json_object_object_add(c, "rationale", jstr(r->check->rationale));
		json_object_array_add(arr, c);
	}
	json_object_object_add(o, "checks", arr);
	sum = json_object_new_object();
	json_object_object_add(sum, "total", json_object_new_int((int)n));
	for (int s = 0; s < LD_ST_N; s++)
		json_object_object_add(sum, ld_status_name((enum ld_status)s),
				       json_object_new_int((int)counts[s]));
	json_object_object_add(o, "summary", sum);
	return o;
}

static const char *col(bool on, const char *code)
{
	return on ? code : "";
}

static void render(enum ld_profile p, const struct ld_audit_input *in, const struct ld_result *res,
		   size_t n, const unsigned int *counts)
{
	static const char *const colour[] = { "\033[32m", "\033[1;31m", "\033[33m", "\033[36m" };
	static const char *const label[] = { "pass", "FAIL", "unknown", "info" };
	bool tty = isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
	const char *areas[32];
	size_t nareas = 0;
	unsigned int high = 0;

	printf("lockdown audit, profile %s%s\n", ld_profile_name(p),
	       in->offline ? ", offline" : "");
	/* Paths, versions and evidence come from files and the command line: ld_safe(). */
	if (in->have_kconfig)
		printf("  %-14s %s (%s%s%s)\n", "kernel config", ld_safe(in->kconfig_path),
		       in->kconfig.version[0] ? ld_safe(in->kconfig.version) : "no version header",
		       in->version_match == 1	? ", matches the running kernel"
		       : in->version_match == 0 ? ", NOT the running kernel "
						: "",
		       in->version_match == 0 ? ld_safe(in->running) : "");
	else
		printf("  %-14s none: %s\n", "kernel config", ld_safe(in->kconfig_why));
	printf("  %-14s %s\n", "command line",
	       ld_safe(in->have_cmdline ? in->cmdline_path : in->cmdline_why));
	printf("  %-14s %s\n", "sysctls",
	       ld_safe(in->sysctl_root ? in->sysctl_root : in->sysctl_why));
	printf("  %-14s %s\n", "securityfs",
	       ld_safe(in->securityfs_dir[0] ? in->securityfs_dir : in->lockdown.why));
	printf("  %-14s %s\n", "sysfs",
	       ld_safe(in->sysfs_dir[0] ? in->sysfs_dir : in->sig_enforce.why));

	for (size_t i = 0; i < n; i++) {
		bool seen = false;

		for (size_t a = 0; a < nareas; a++)
			seen |= strcmp(areas[a], res[i].check->area) == 0;
		if (!seen && nareas < sizeof(areas) / sizeof(areas[0]))
			areas[nareas++] = res[i].check->area;
	}
	for (size_t a = 0; a < nareas; a++) {
		printf("\n%s%s%s\n", col(tty, "\033[1m"), areas[a], col(tty, "\033[0m"));
		for (size_t i = 0; i < n; i++) {
			const struct ld_result *r = &res[i];

			if (strcmp(r->check->area, areas[a]) != 0)
				continue;
			printf("  %s%-7s%s %-6s %-27s %s\n", col(tty, colour[r->status]),
			       label[r->status], col(tty, "\033[0m"), ld_sev_name(r->sev),
			       r->check->id, r->check->title);
			printf("  %-14s %s\n", "", ld_safe(r->evidence));
			if (r->status == LD_ST_FAIL) {
				printf("  %-14s fix: %s\n", "", r->check->fix);
				high += r->sev == LD_SEV_HIGH;
			}
		}
	}
	printf("\n%zu checks: %s%u pass%s, %s%u fail%s", n, col(tty, colour[0]), counts[LD_ST_PASS],
	       col(tty, "\033[0m"), col(tty && counts[LD_ST_FAIL], colour[1]), counts[LD_ST_FAIL],
	       col(tty && counts[LD_ST_FAIL], "\033[0m"));
	if (high)
		printf(" (%u high)", high);
	printf(", %u unknown, %u info\n", counts[LD_ST_UNKNOWN], counts[LD_ST_INFO]);
	if (counts[LD_ST_FAIL])
		printf("fragments that fix them: lockdown audit --fix kconfig|sysctl|cmdline\n");
}

/* Print each line of text once over the whole output (several checks share fixes). */
static void print_lines_once(const char *text, char **seen, size_t *nseen, size_t cap,
			     const char *sep)
{
	const char *p = text;

	while (*p) {
		size_t l = strcspn(p, "\n");
		bool dup = false;

		/* Command-line parameters: one value per name, the first (most important) one. */
		size_t key = sep && memchr(p, '=', l)
				     ? (size_t)((const char *)memchr(p, '=', l) - p)
				     : l;

		for (size_t i = 0; i < *nseen; i++)
			dup |= key == l ? strlen(seen[i]) == l && strncmp(seen[i], p, l) == 0
					: strncmp(seen[i], p, key + 1) == 0;
		if (!dup && *nseen < cap) {
			seen[(*nseen)++] = strndup(p, l);
			if (sep)
				printf("%s%.*s", *nseen > 1 ? sep : "", (int)l, p);
			else
				printf("%.*s\n", (int)l, p);
		} else if (dup && !sep) {
			printf("# (%.*s: above)\n", (int)l, p);
		}
		p += l;
		if (*p == '\n')
			p++;
	}
}

static void print_fix(enum fix_kind kind, enum ld_profile p, const struct ld_result *res, size_t n)
{
	char *seen[256];
	size_t nseen = 0;

	if (kind == FIX_KCONFIG)
		printf("# lockdown audit --fix kconfig, profile %s: merge with\n"
		       "#   scripts/kconfig/merge_config.sh .config THIS_FILE\n",
		       ld_profile_name(p));
	else if (kind == FIX_SYSCTL)
		printf("# lockdown audit --fix sysctl, profile %s: a drop-in for /etc/sysctl.d/,\n"
		       "# applied at boot or now with `sysctl --system`\n",
		       ld_profile_name(p));
	for (size_t i = 0; i < n; i++) {
		const struct ld_check *c = res[i].check;
		const char *t = kind == FIX_KCONFIG  ? c->fix_kconfig
				: kind == FIX_SYSCTL ? c->fix_sysctl
						     : c->fix_cmdline;

		if (res[i].status != LD_ST_FAIL || !t)
			continue;
		if (kind == FIX_CMDLINE) {
			print_lines_once(t, seen, &nseen, sizeof(seen) / sizeof(seen[0]), " ");
			continue;
		}
		printf("\n# %s: %s\n", c->id, c->title);
		print_lines_once(t, seen, &nseen, sizeof(seen) / sizeof(seen[0]), NULL);
	}
	if (kind == FIX_CMDLINE && nseen)
		printf("\n");
	for (size_t i = 0; i < nseen; i++)
		free(seen[i]);
}

/* A row for another architecture whose id has a row for this one: only that row is shown. */
static bool superseded(const struct ld_check *c, enum ld_profile p, const struct ld_audit_input *in)
{
	if (!c->arch || !in->arch[0] || strcmp(c->arch, in->arch) == 0)
		return false;
	for (size_t i = 0; i < ld_checks_count; i++) {
		const struct ld_check *o = &ld_checks[i];

		if (o != c && o->sev[p] != LD_SEV_NONE && strcmp(o->id, c->id) == 0 &&
		    (!o->arch || strcmp(o->arch, in->arch) == 0))
			return true;
	}
	return false;
}

int cmd_audit(int argc, char **argv)
{
	struct ld_audit_opts o = { 0 };
	enum ld_profile prof = LD_PROFILE_INTEGRITY;
	enum fix_kind fix = FIX_NONE;
	struct ld_audit_input *in;
	struct ld_result *res;
	unsigned int counts[LD_ST_N] = { 0 };
	const char *v;
	struct ld_args a;
	bool strict;
	size_t n = 0;

	if (!ld_args_parse("audit", argc, argv, &a))
		return a.exit;
	o.kconfig = ld_arg(&a, "kconfig");
	o.cmdline = ld_arg(&a, "cmdline");
	o.sysctl_root = ld_arg(&a, "sysctl-root");
	o.securityfs = ld_arg(&a, "securityfs");
	o.sysfs_root = ld_arg(&a, "sysfs-root");
	o.offline = ld_flag(&a, "offline");
	strict = ld_flag(&a, "strict");
	v = ld_arg(&a, "profile");
	if (v && ld_profile_from_name(v, &prof) != 0)
		return ld_usage_error("audit", "--profile: unknown profile '%s' (integrity, kspp)",
				      v);
	v = ld_arg(&a, "fix");
	if (v) {
		if (strcmp(v, "kconfig") == 0)
			fix = FIX_KCONFIG;
		else if (strcmp(v, "sysctl") == 0)
			fix = FIX_SYSCTL;
		else if (strcmp(v, "cmdline") == 0)
			fix = FIX_CMDLINE;
		else
			return ld_usage_error("audit",
					      "--fix: '%s' is not kconfig, sysctl or cmdline", v);
	}

	in = calloc(1, sizeof(*in));
	res = calloc(ld_checks_count, sizeof(*res));
	if (!in || !res || ld_audit_gather(&o, in) != 0) {
		free(in);
		free(res);
		return LD_EXIT_ERR;
	}
	for (size_t i = 0; i < ld_checks_count; i++) {
		if (ld_checks[i].sev[prof] == LD_SEV_NONE || superseded(&ld_checks[i], prof, in))
			continue;
		ld_check_eval(&ld_checks[i], prof, in, &res[n]);
		counts[res[n].status]++;
		n++;
	}
	if (fix != FIX_NONE)
		print_fix(fix, prof, res, n);
	else if (ld_g.json)
		ld_json_print(report_json(prof, in, res, n, counts));
	else
		render(prof, in, res, n, counts);
	ld_audit_input_free(in);
	free(in);
	free(res);
	/* --strict: a fact nobody could read is no proof of protection either. */
	return counts[LD_ST_FAIL] || (strict && counts[LD_ST_UNKNOWN]) ? LD_EXIT_FAIL : LD_EXIT_OK;
}
