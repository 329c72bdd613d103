// SPDX-License-Identifier: GPL-2.0-only
/*
 * lockdown: fine-grained Linux kernel lockdown.
 *
 * One binary, one file per command noun (cmd_*.c), dispatched through cmds[]. Output options
 * (-j, -p) are global and may stand anywhere before a "--".
 */
#include "cmds.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

static const struct ld_cmd cmds[] = {
	{ "status", cmd_status, "[-j]",
	  "kernel lockdown level, LSMs, BPF LSM, Secure Boot, module signing" },
	{ "reasons", cmd_reasons, "[-j] [--btf FILE]",
	  "the running kernel's lockdown reasons: number, name, class, description" },
	{ "raise", cmd_raise, "integrity|confidentiality [--yes] [--lockdown-file PATH]",
	  "raise the kernel's own lockdown level (irreversible until reboot)" },
	{ "check", cmd_check, "(POLICY | --profile NAME) [-j] [--btf FILE]",
	  "validate a policy offline and print its compiled table" },
	{ "explain", cmd_explain, "(POLICY | --profile NAME) --reason R [--exe P] [--uid N] ...",
	  "what a policy decides for a subject and reason, and which rule matched" },
	{ "apply", cmd_apply, "(POLICY | --profile NAME) [--audit] [--seal [--yes] [--force]]",
	  "enforce a policy through the BPF LSM program (pinned; outlives the command)" },
	{ "events", cmd_events, "[-j] [--follow]",
	  "the enforcer's reports: denied and audited calls" },
	{ "stats", cmd_stats, "[-j] [--format text|json|prometheus] [-o FILE]",
	  "the enforcer's exact per-reason counters (also for Prometheus)" },
	{ "remove", cmd_remove, "", "stop enforcing: unpin and detach the program" },
	{ "audit", cmd_audit, "[-j] [--profile P] [--offline] [--kconfig F] [--fix WHAT] ...",
	  "the kernel's effective self-protection: checks, evidence and fixes" },
};

static const struct ld_cmd *find_cmd(const char *name)
{
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(cmds[i].name, name) == 0)
			return &cmds[i];
	return NULL;
}

static void usage(FILE *f)
{
	fprintf(f, "usage: lockdown [-j|--json] [-p|--pretty] COMMAND [ARGS]\n\n"
		   "Fine-grained kernel lockdown: per-operation, per-subject decisions through a\n"
		   "BPF LSM program, and the kernel's own lockdown level.\n\ncommands:\n");
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		fprintf(f, "  %-9s %s\n", cmds[i].name, cmds[i].summary);
	fprintf(f, "\nglobal options:\n"
		   "  -j, --json     machine-readable JSON output\n"
		   "  -p, --pretty   pretty-printed JSON (implies -j)\n"
		   "  -h, --help     this help; `lockdown COMMAND --help` for a command\n"
		   "  -V, --version  print the version\n\n"
		   "exit codes: 0 ok, 1 refused or failed check, 2 usage or system error.\n"
		   "See lockdown(8).\n");
}

/* Take the global output options out of argv wherever they stand (up to "--"). */
static int strip_globals(int argc, char **argv)
{
	int out = 1;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--") == 0) {
			while (i < argc)
				argv[out++] = argv[i++];
			break;
		}
		if (strcmp(a, "-j") == 0 || strcmp(a, "--json") == 0) {
			ld_g.json = true;
		} else if (strcmp(a, "-p") == 0 || strcmp(a, "--pretty") == 0) {
			ld_g.json = ld_g.pretty = true;
		} else {
			argv[out++] = argv[i];
		}
	}
	argv[out] = NULL;
	return out;
}

int main(int argc, char **argv)
{
	const struct ld_cmd *c;

	argc = strip_globals(argc, argv);
	if (argc < 2) {
		usage(stderr);
		return LD_EXIT_ERR;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		if (argc > 2 && find_cmd(argv[2])) {
			char *sub[] = { argv[2], "--help", NULL };

			return find_cmd(argv[2])->fn(2, sub);
		}
		usage(stdout);
		return LD_EXIT_OK;
	}
	if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
		printf("lockdown %s\n", LD_VERSION);
		return LD_EXIT_OK;
	}
	c = find_cmd(argv[1]);
	if (!c) {
		ld_err("unknown command '%s'; see lockdown --help", argv[1]);
		return LD_EXIT_ERR;
	}
	return c->fn(argc - 1, argv + 1);
}
