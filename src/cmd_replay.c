// SPDX-License-Identifier: GPL-2.0-only
/*
 * lockdown replay: what a candidate policy would have done to recorded calls (a file of
 * `lockdown events -j` lines), compared with what the policy in force then did. Exit 1 when
 * it would deny a call that was allowed, so a policy change can be gated in CI.
 */
#include "cmds.h"
#include "learn/learn.h"
#include "policy/policy.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int add_rec(const struct ld_rec *r, void *arg)
{
	return ld_replay_add(arg, r);
}

int cmd_replay(int argc, char **argv)
{
	const char *from;
	struct ld_compiled c;
	struct ld_reasons rs;
	struct ld_replay *rp;
	struct ld_args a;
	char why[1024];
	unsigned long denied;
	FILE *f;
	int ret;

	if (!ld_args_parse("replay", argc, argv, &a))
		return a.exit;
	from = ld_arg(&a, "from");
	if (!from)
		return ld_usage_error("replay",
				      "--from FILE is needed (lines of lockdown events -j)");
	ret = ld_policy_args_reasons(&a, &rs);
	if (ret != 0)
		return ret;
	ret = ld_policy_args_compile(&a, &rs, &c, NULL);
	if (ret != 0)
		return ld_policy_exit_code(ret);
	ret = ld_open_input(from, &f);
	if (ret) {
		ld_err("replay: %s: %s", ld_safe(from), ld_errno_hint(-ret));
		ld_compiled_free(&c);
		return LD_EXIT_ERR;
	}
	rp = ld_replay_new(&c, &rs);
	ret = rp ? ld_recs_read(f, strcmp(from, "-") ? from : "standard input", add_rec, rp, why,
				sizeof(why))
		 : -ENOMEM;
	if (f != stdin)
		fclose(f);
	if (ret) {
		ld_err("replay: %s", ret == -ENOMEM ? "out of memory" : why);
		ld_replay_free(rp);
		ld_compiled_free(&c);
		return ret == -EINVAL ? LD_EXIT_FAIL : LD_EXIT_ERR;
	}
	denied = ld_replay_report(rp, stdout, ld_g.json);
	ld_replay_free(rp);
	ld_compiled_free(&c);
	return denied ? LD_EXIT_FAIL : LD_EXIT_OK;
}
