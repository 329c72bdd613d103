// SPDX-License-Identifier: GPL-2.0-only
/*
 * lockdown apply: compile a policy for the running kernel and put it in force through the
 * BPF LSM program, which stays attached (pinned) after this command exits; with --seal (or
 * Seal=yes), keep it in force until reboot against anyone, root included.
 */
#include "cmds.h"
#include "enforcer/enforcer.h"
#include "policy/policy.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int apply_exit(int err)
{
	return err == -EBUSY || err == -EPROTO ? LD_EXIT_FAIL : LD_EXIT_ERR;
}

static bool confirm(const char *source)
{
	char answer[16];

	fprintf(stderr,
		"Seal %s? Nothing, not even root, can change or remove it until reboot. [y/N] ",
		source);
	if (!fgets(answer, sizeof(answer), stdin))
		return false;
	return answer[0] == 'y' || answer[0] == 'Y';
}

/*
 * Whether a seal of c means something (see seal_risk.c); LD_EXIT_OK to go on. Also the one
 * warning about exemptions root can borrow by design: uid and cgroup rules.
 */
static int seal_checks(const struct ld_compiled *c, const struct ld_reasons *rs, bool force)
{
	char risks[2048];
	bool hib;
	unsigned int n = ld_seal_risks(c, rs, risks, sizeof(risks), &hib);

	if (c->nuids || c->ncgroups)
		ld_warn("apply: sealed User= and Cgroup= rules stay open to root, which can change "
			"its uid or move into a cgroup; only Executable= exemptions are "
			"root-proof");
	if (!n)
		return LD_EXIT_OK;
	if (force) {
		ld_warn("apply: sealing although root can still change the kernel through: %s",
			risks);
		return LD_EXIT_OK;
	}
	ld_err("apply: refusing to seal: root could still change the running kernel through %s%s "
	       "(deny them, or --force); nothing was changed",
	       risks,
	       hib ? " (hibernation: the image written to disk can be rewritten by root and is "
		     "resumed as the kernel)"
		   : "");
	return LD_EXIT_FAIL;
}

int cmd_apply(int argc, char **argv)
{
	struct ld_apply_opts aopts = { 0 };
	struct ld_apply_result res;
	bool seal, yes, force;
	struct ld_compiled c;
	struct ld_reasons rs;
	struct ld_args a;
	char why[1024], hex[65];
	int ret;

	if (!ld_args_parse("apply", argc, argv, &a))
		return a.exit;
	seal = ld_flag(&a, "seal");
	yes = ld_flag(&a, "yes");
	force = ld_flag(&a, "force");
	aopts.btf = ld_arg(&a, "btf");
	ret = ld_policy_args_reasons(&a, &rs);
	if (ret != 0)
		return ret;
	ret = ld_policy_args_compile(&a, &rs, &c, NULL);
	if (ret != 0) {
		if (ret == -EINVAL)
			ld_err("apply: the policy does not compile; the enforcer is unchanged");
		return ld_policy_exit_code(ret);
	}
	aopts.seal = seal || c.seal;
	if (aopts.seal) {
		ret = seal_checks(&c, &rs, force);
		if (ret == LD_EXIT_OK && !yes && !isatty(STDIN_FILENO)) {
			ld_err("apply: refusing to seal without --yes when stdin is not a "
			       "terminal");
			ret = LD_EXIT_ERR;
		} else if (ret == LD_EXIT_OK && !yes && !confirm(c.source)) {
			ld_err("apply: not confirmed; nothing was changed");
			ret = LD_EXIT_FAIL;
		}
		if (ret != LD_EXIT_OK) {
			ld_compiled_free(&c);
			return ret;
		}
	}

	ret = ld_enforcer_apply(&c, &aopts, &res, why, sizeof(why));
	if (ret != 0) {
		if (res.in_force_unsealed)
			ld_err("apply: %s in force, but NOT sealed: %s", c.source, why);
		else
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
		json_object_object_add(o, "sealed", json_object_new_boolean(res.sealed));
		if (res.sealed) {
			json_object_object_add(o, "guards", json_object_new_int((int)res.nguards));
			json_object_object_add(o, "trusted_files",
					       json_object_new_int((int)res.ntrusted));
		}
		ld_json_print(o);
	} else {
		printf("lockdown: %s in force (%s mode, digest %.16s…)%s\n", c.source,
		       ld_mode_name(c.pol.mode), hex,
		       res.first_load ? "; program loaded and pinned under " LD_PIN_DIR : "");
		if (res.sealed)
			printf("lockdown: sealed until reboot (%u guards%s)\n", res.nguards,
			       c.nexes ? "; exempt executables may map code from the files listed "
					 "now only"
				       : "");
	}
	ld_compiled_free(&c);
	return LD_EXIT_OK;
}
