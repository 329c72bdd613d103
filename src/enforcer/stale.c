// SPDX-License-Identifier: GPL-2.0-only
/*
 * Stale exemptions: an Executable= exemption (and a Module= or Kexec= file) names a file by
 * device and inode, so a package upgrade that replaces the file (a new inode) silently leaves
 * the new file without it, and a module built since (DKMS) is not listed yet. The
 * policy in force records its source; compiled again now, its executables' identities are
 * compared with those in the pinned table of the generation in force. An unsealed policy is
 * then applied again (lockdown refresh, run by the package manager's trigger); a sealed one
 * keeps the old identities until reboot, and status and refresh say so.
 */
#include "enforcer.h"
#include "policy/policy.h"
#include "util.h"

#include <bpf/bpf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool pinned_has(const struct ld_pinned *p, __u32 set, __u64 dev, __u64 ino)
{
	struct ld_exe_key k = { .gen = set, .dev = dev, .ino = ino };
	__u32 rule;

	return bpf_map_lookup_elem(p->exes, &k, &rule) == 0;
}

static bool pinned_has_object(const struct ld_pinned *p, __u32 set, const struct ld_obj_rule *o)
{
	struct ld_obj_key k = ld_obj_rule_key(set, o);
	__u32 rule;

	return bpf_map_lookup_elem(p->objects, &k, &rule) == 0;
}

static int add_stale(struct ld_stale **stale, size_t *n, const char *key, const char *path,
		     unsigned int rule, __u64 dev, __u64 ino)
{
	struct ld_stale *grown = realloc(*stale, (*n + 1) * sizeof(**stale));

	if (!grown)
		return -ENOMEM;
	*stale = grown;
	grown[(*n)++] =
		(struct ld_stale){ .key = key, .path = path, .rule = rule, .dev = dev, .ino = ino };
	return 0;
}

int ld_stale_exemptions(const struct ld_pinned *p, struct ld_compiled *now, struct ld_stale **stale,
			size_t *nstale, char *why, size_t whylen)
{
	struct ld_active a;
	struct ld_meta m;
	struct ld_reasons rs;
	struct ld_diag d = { 0 };
	struct ld_policy_opts popts = { 0 };
	const char *profile = NULL, *path = NULL;
	int err;

	*stale = NULL;
	*nstale = 0;
	memset(now, 0, sizeof(*now));
	err = ld_pinned_active(p, &a);
	if (!err)
		err = ld_pinned_meta(p, a.gen & 1, &m);
	if (err) {
		snprintf(why, whylen, "reading the policy in force: %s", strerror(-err));
		return err;
	}
	if (!strncmp(m.source, "profile:", 8))
		profile = m.source + 8;
	else
		path = m.source;
	popts.force_audit = m.mode == LD_MODE_AUDIT;
	err = ld_reasons_load(NULL, &rs, why, whylen);
	if (err)
		return err;
	err = ld_policy_load(path, profile, &rs, &popts, now, &d);
	if (err) {
		char line[640];

		if (d.count) {
			ld_diag_format(&d.msgs[0], line, sizeof(line));
			snprintf(why, whylen, "compiling %s again: %s", ld_safe(m.source), line);
		} else {
			snprintf(why, whylen, "compiling %s again: %s", ld_safe(m.source),
				 strerror(-err));
		}
		ld_diag_free(&d);
		return err;
	}
	ld_diag_free(&d);
	err = 0;
	for (size_t i = 0; !err && i < now->nexes; i++)
		if (!pinned_has(p, a.gen & 1, now->exes[i].dev, now->exes[i].ino))
			err = add_stale(stale, nstale, "Executable", now->exes[i].path,
					now->exes[i].rule, now->exes[i].dev, now->exes[i].ino);
	for (size_t i = 0; !err && i < now->nobjects; i++) {
		const struct ld_obj_rule *o = &now->objects[i];

		/* One line per file: a file's rules (one per narrowing subject) sit together. */
		if (i && o[-1].kind == o->kind && o[-1].dev == o->dev && o[-1].ino == o->ino &&
		    *nstale && (*stale)[*nstale - 1].path == o[-1].path)
			continue;
		if (!pinned_has_object(p, a.gen & 1, o))
			err = add_stale(stale, nstale, ld_object_key(o->kind), o->path, o->rule,
					o->dev, o->ino);
	}
	if (err) {
		free(*stale);
		*stale = NULL;
		*nstale = 0;
		ld_compiled_free(now);
		snprintf(why, whylen, "out of memory");
	}
	return err;
}
