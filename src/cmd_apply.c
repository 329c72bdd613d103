// SPDX-License-Identifier: GPL-2.0-only
/*
 * lockdown apply: compile a policy for the running kernel and put it in force through the
 * BPF LSM program, which stays attached (pinned) after this command exits.
 */
#include "cmds.h"
#include "enforcer/enforcer.h"
#include "policy/policy.h"
#include "util.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

static void usage(FILE *f)
{
	fprintf(f,
		"usage: lockdown apply (POLICY | --profile NAME) [--audit] [--btf FILE]\n\n"
		"Compile POLICY (or a built-in preset) for the running kernel and enforce it\n"
		"through the BPF LSM program on the kernel's locked_down hook. The first apply\n"
		"loads the program and pins it under " LD_PIN_DIR "; enforcement outlives\n"
		"the command. Applying again swaps the tables atomically: the new policy is\n"
		"written beside the one in force, then one index flips, so no call ever sees a\n"
		"half-written policy. A policy that does not compile changes nothing.\n\n"
		"options:\n"
		"  --profile NAME  a built-in preset: %s\n"
		"  --audit         deny nothing: every deny becomes a logged would-deny\n"
		"  --btf FILE      kernel BTF for reason names and CO-RE relocation\n"
		"                  (default /sys/kernel/btf/vmlinux)\n"
		"  -j, -p          JSON result\n\n"
		"Needs root and BPF LSM in the kernel's active LSMs (see lockdown status).\n"
		"exit status: 0 in force, 1 invalid policy, 2 usage or system error.\n\n"
		"example:\n"
		"  lockdown apply --profile desktop     # integrity, but hibernation allowed\n"
		"  lockdown apply /etc/lockdown/site.conf --audit\n",
		ld_preset_names());
}

static int apply_exit(int err)
{
	return err == -EBUSY ? LD_EXIT_FAIL : LD_EXIT_ERR;
}

int cmd_apply(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "profile", required_argument, NULL, 'P' },
		{ "audit", no_argument, NULL, 'a' },
		{ "btf", required_argument, NULL, 'b' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	struct ld_policy_opts popts = { 0 };
	struct ld_apply_opts aopts = { 0 };
	struct ld_apply_result res;
	const char *profile = NULL, *path = NULL;
	struct ld_compiled c;
	struct ld_diag d = { 0 };
	struct ld_reasons rs;
	char why[640], hex[65];
	int ch, ret;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'P':
			profile = optarg;
			break;
		case 'a':
			popts.force_audit = true;
			break;
		case 'b':
			aopts.btf = optarg;
			break;
		case 'h':
			usage(stdout);
			return LD_EXIT_OK;
		default:
			usage(stderr);
			return LD_EXIT_ERR;
		}
	}
	ret = ld_policy_args("apply", argc, argv, profile, aopts.btf, &path, &rs);
	if (ret != 0)
		return ret;
	ret = ld_policy_load(path, profile, &rs, &popts, &c, &d);
	ld_diag_print(&d, stderr);
	ld_diag_free(&d);
	if (ret != 0) {
		if (ret == -EINVAL)
			ld_err("apply: the policy does not compile; the enforcer is unchanged");
		return ld_policy_exit_code(ret);
	}

	ret = ld_enforcer_apply(&c, &aopts, &res, why, sizeof(why));
	if (ret != 0) {
		ld_err("apply: %s", why);
		ld_compiled_free(&c);
		return apply_exit(ret);
	}
	ld_compiled_digest_hex(&c, hex);
	if (ld_g.json) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "applied", json_object_new_boolean(true));
		json_object_object_add(o, "source", json_object_new_string(c.source));
		json_object_object_add(o, "mode", json_object_new_string(ld_mode_name(c.pol.mode)));
		json_object_object_add(o, "digest", json_object_new_string(hex));
		json_object_object_add(o, "generation", json_object_new_int64(res.gen));
		json_object_object_add(o, "first_load", json_object_new_boolean(res.first_load));
		json_object_object_add(o, "program",
				       json_object_new_string(ld_variant_name(res.variant)));
		ld_json_print(o);
	} else {
		printf("lockdown: %s in force (%s mode, digest %.16s…)%s\n", c.source,
		       ld_mode_name(c.pol.mode), hex,
		       res.first_load ? "; program loaded and pinned under " LD_PIN_DIR : "");
	}
	ld_compiled_free(&c);
	return LD_EXIT_OK;
}
