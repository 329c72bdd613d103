// SPDX-License-Identifier: GPL-2.0-only
/* The policy named on a command line, as apply, check, explain and replay take it. */
#include "cmds.h"
#include "policy.h"

#include <stdio.h>

int ld_policy_args_reasons(const struct ld_args *a, struct ld_reasons *rs)
{
	return ld_policy_source(a->cmd->name, a->noperands ? a->operand[0] : NULL,
				ld_arg(a, "profile"), ld_arg(a, "btf"), rs);
}

int ld_policy_args_compile(const struct ld_args *a, const struct ld_reasons *rs,
			   struct ld_compiled *out, struct ld_diag *diag)
{
	struct ld_policy_opts opts = { .force_audit = ld_flag(a, "audit") };
	struct ld_diag own = { 0 }, *d = diag ? diag : &own;
	int ret = ld_policy_load(a->noperands ? a->operand[0] : NULL, ld_arg(a, "profile"), rs,
				 &opts, out, d);

	ld_diag_print(d, stderr);
	if (!diag) {
		if (ret != 0)
			ld_diag_fail_json(d);
		ld_diag_free(d);
	}
	return ret;
}
