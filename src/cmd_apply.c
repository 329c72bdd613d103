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
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void usage(FILE *f)
{
	fprintf(f,
		"usage: lockdown apply (POLICY | --profile NAME) [--audit] [--seal [--yes] "
		"[--force]] [--btf FILE]\n\n"
		"Compile POLICY (or a built-in preset) for the running kernel and enforce it\n"
		"through the BPF LSM program on the kernel's locked_down hook. The first apply\n"
		"loads the program and pins it under " LD_PIN_DIR "; enforcement outlives\n"
		"the command. Applying again swaps the tables atomically: the new policy is\n"
		"written beside the one in force, then one index flips, so no call ever sees a\n"
		"half-written policy. A policy that does not compile changes nothing.\n\n"
		"Sealing (--seal, or Seal=yes in [Policy]) keeps the policy in force until\n"
		"reboot: the kernel then refuses, to root too, removing or unmounting the pins,\n"
		"writable handles to the enforcer's maps, other programs using them, and any\n"
		"way of borrowing an executable's exemption (writing its file, ptrace or\n"
		"/proc/PID/mem into it, loading code into it that was not there when sealed).\n"
		"A seal is refused when the policy still lets root change the kernel (an\n"
		"integrity-class reason allowed by the default, host, uid or cgroup rules, or\n"
		"audit mode), unless --force.\n\n"
		"options:\n"
		"  --profile NAME  a built-in preset: %s\n"
		"  --audit         deny nothing: every deny becomes a logged would-deny\n"
		"  --seal          seal the policy until reboot (asks first on a terminal)\n"
		"  -y, --yes       do not ask (required to seal when stdin is not a terminal)\n"
		"  --force         seal even a policy that leaves root a way to change the kernel\n"
		"  --btf FILE      kernel BTF for reason names and CO-RE relocation\n"
		"                  (default /sys/kernel/btf/vmlinux)\n"
		"  -j, -p          JSON result\n\n"
		"Needs root and BPF LSM in the kernel's active LSMs (see lockdown status).\n"
		"exit status: 0 in force, 1 invalid policy, refused seal or already sealed,\n"
		"2 usage or system error.\n\n"
		"example:\n"
		"  lockdown apply --profile desktop     # integrity, but hibernation allowed\n"
		"  lockdown apply /etc/lockdown/site.conf --audit\n"
		"  lockdown apply --profile integrity --seal --yes   # until reboot\n",
		ld_preset_names());
}

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
	static const struct option opts[] = {
		{ "profile", required_argument, NULL, 'P' },
		{ "audit", no_argument, NULL, 'a' },
		{ "seal", no_argument, NULL, 's' },
		{ "yes", no_argument, NULL, 'y' },
		{ "force", no_argument, NULL, 'F' },
		{ "btf", required_argument, NULL, 'b' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	struct ld_policy_opts popts = { 0 };
	struct ld_apply_opts aopts = { 0 };
	struct ld_apply_result res;
	const char *profile = NULL, *path = NULL;
	bool seal = false, yes = false, force = false;
	struct ld_compiled c;
	struct ld_diag d = { 0 };
	struct ld_reasons rs;
	char why[1024], hex[65];
	int ch, ret;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "yh", opts, NULL)) != -1) {
		switch (ch) {
		case 'P':
			profile = optarg;
			break;
		case 'a':
			popts.force_audit = true;
			break;
		case 's':
			seal = true;
			break;
		case 'y':
			yes = true;
			break;
		case 'F':
			force = true;
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
