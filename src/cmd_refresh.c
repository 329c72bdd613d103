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

int cmd_refresh(int argc, char **argv)
{
	struct ld_apply_opts aopts = { 0 };
	struct ld_apply_result res;
	struct ld_compiled now;
	struct ld_pinned p;
	struct ld_active a;
	struct ld_args args;
	size_t *stale, nstale;
	char why[1024];
	int err;

	if (!ld_args_parse("refresh", argc, argv, &args))
		return args.exit;
	err = ld_pinned_open(&p, LD_PIN_READ, why, sizeof(why));
	if (err == -ENOENT) {
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
		printf("lockdown: every exemption of %s is current\n", ld_safe(now.source));
		ld_compiled_free(&now);
		return LD_EXIT_OK;
	}
	for (size_t i = 0; i < nstale; i++) {
		const struct ld_exe_rule *x = &now.exes[stale[i]];

		if (a.sealed)
			printf("lockdown: warning: exemption [%s] %s is stale until reboot: the "
			       "file "
			       "was replaced since the policy was sealed\n",
			       ld_safe(now.rule_names[x->rule]), ld_safe(x->path));
	}
	if (a.sealed) {
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
	for (size_t i = 0; i < nstale; i++) {
		const struct ld_exe_rule *x = &now.exes[stale[i]];

		printf("lockdown: refreshed exemption [%s] %s (now %u:%u:%llu), generation %u\n",
		       ld_safe(now.rule_names[x->rule]), ld_safe(x->path), ld_kdev_major(x->dev),
		       ld_kdev_minor(x->dev), (unsigned long long)x->ino, res.gen);
	}
	free(stale);
	ld_compiled_free(&now);
	return LD_EXIT_OK;
}
