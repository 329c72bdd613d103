// SPDX-License-Identifier: GPL-2.0-only
/*
 * lockdown refresh: after a package upgrade replaced an exempt executable (a new inode), apply
 * the policy in force again from its source so the exemption follows the new file; a sealed
 * policy cannot change, so say that the exemption is stale until reboot. Run by the Debian
 * package's dpkg trigger; harmless to run any time.
 */
#include "cmds.h"
#include "enforcer/enforcer.h"
#include "policy/policy.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* -j: {loaded, source, sealed, stale: [{rule, key, path}], refreshed, generation}. */
static void print_json(const struct ld_compiled *now, const struct ld_stale *stale, size_t nstale,
		       bool sealed, bool refreshed, unsigned int gen)
{
	struct json_object *o = json_object_new_object(), *arr = json_object_new_array();

	json_object_object_add(o, "loaded", json_object_new_boolean(now != NULL));
	json_object_object_add(o, "source", now ? json_object_new_string(now->source) : NULL);
	json_object_object_add(o, "sealed", json_object_new_boolean(sealed));
	for (size_t i = 0; i < nstale; i++) {
		struct json_object *e = json_object_new_object();

		json_object_object_add(e, "rule",
				       json_object_new_string(now->rule_names[stale[i].rule]));
		json_object_object_add(e, "key", json_object_new_string(stale[i].key));
		json_object_object_add(e, "path", json_object_new_string(stale[i].path));
		json_object_array_add(arr, e);
	}
	json_object_object_add(o, "stale", arr);
	json_object_object_add(o, "refreshed", json_object_new_boolean(refreshed));
	json_object_object_add(o, "generation", refreshed ? json_object_new_int((int)gen) : NULL);
	ld_json_print(o);
}

int cmd_refresh(int argc, char **argv)
{
	struct ld_apply_opts aopts = { 0 };
	struct ld_apply_result res;
	struct ld_compiled now;
	struct ld_pinned p;
	struct ld_active a;
	struct ld_args args;
	struct ld_stale *stale;
	size_t nstale;
	char why[1024];
	int err;

	if (!ld_args_parse("refresh", argc, argv, &args))
		return args.exit;
	err = ld_pinned_open(&p, LD_PIN_READ, why, sizeof(why));
	if (err == -ENOENT) {
		if (ld_g.json)
			print_json(NULL, NULL, 0, false, false, 0);
		else
			printf("lockdown: no policy is loaded; nothing to refresh\n");
		return LD_EXIT_OK;
	}
	if (err) {
		ld_err("refresh: %s", why);
		return err == -EPROTO ? LD_EXIT_FAIL : LD_EXIT_ERR;
	}
	err = ld_pinned_active(&p, &a);
	if (!err)
		err = ld_stale_exemptions(&p, &now, &stale, &nstale, why, sizeof(why));
	ld_pinned_close(&p);
	if (err) {
		ld_err("refresh: %s", why);
		return LD_EXIT_ERR;
	}
	if (!nstale) {
		if (ld_g.json)
			print_json(&now, NULL, 0, a.sealed, false, 0);
		else
			printf("lockdown: every exemption of %s is current\n", ld_safe(now.source));
		ld_compiled_free(&now);
		return LD_EXIT_OK;
	}
	for (size_t i = 0; i < nstale; i++) {
		if (a.sealed && !ld_g.json)
			printf("lockdown: warning: %s [%s] %s is stale until reboot: the file was "
			       "%s since the policy was sealed\n",
			       strcmp(stale[i].key, "Executable") ? stale[i].key : "exemption",
			       ld_safe(now.rule_names[stale[i].rule]), ld_safe(stale[i].path),
			       strcmp(stale[i].key, "Executable") ? "built or replaced"
								  : "replaced");
	}
	if (a.sealed) {
		if (ld_g.json)
			print_json(&now, stale, nstale, true, false, 0);
		free(stale);
		ld_compiled_free(&now);
		return LD_EXIT_FAIL;
	}
	err = ld_enforcer_apply(&now, &aopts, &res, why, sizeof(why));
	if (err) {
		ld_err("refresh: %s", why);
		free(stale);
		ld_compiled_free(&now);
		return err == -EBUSY ? LD_EXIT_FAIL : LD_EXIT_ERR;
	}
	if (ld_g.json)
		print_json(&now, stale, nstale, false, true, res.gen);
	for (size_t i = 0; i < nstale && !ld_g.json; i++)
		printf("lockdown: refreshed %s [%s] %s (now %u:%u:%llu), generation %u\n",
		       strcmp(stale[i].key, "Executable") ? stale[i].key : "exemption",
		       ld_safe(now.rule_names[stale[i].rule]), ld_safe(stale[i].path),
		       ld_kdev_major(stale[i].dev), ld_kdev_minor(stale[i].dev),
		       (unsigned long long)stale[i].ino, res.gen);
	free(stale);
	ld_compiled_free(&now);
	return LD_EXIT_OK;
}
