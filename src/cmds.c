// SPDX-License-Identifier: GPL-2.0-only
/*
 * The command table and the one command-line parser every command uses (see cmds.h). Global
 * options (-j, -p) may stand anywhere: before the command (here) or after it (the parser).
 */
#include "cmds.h"
#include "policy/policy.h"
#include "reasons.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the table ---------------------------------------------------------------------------- */

static const struct ld_opt no_opts[] = { { 0 } };

static const struct ld_opt reasons_opts[] = {
	{ 0, "btf", "FILE",
	  "read enum lockdown_reason from FILE (raw BTF, or an ELF\n"
	  "file with a .BTF section) instead of\n" LD_DEFAULT_BTF },
	{ 0 },
};

static const struct ld_opt raise_opts[] = {
	{ 'y', "yes", NULL,
	  "do not ask for confirmation (required when stdin is not\na terminal)" },
	{ 0 },
};

static const struct ld_opt check_opts[] = {
	{ 0, "profile", "NAME", "a built-in preset instead of POLICY: {profiles}" },
	{ 0, "btf", "FILE",
	  "resolve reason names against the BTF in FILE instead of\n" LD_DEFAULT_BTF
	  " (check a policy for another kernel)" },
	{ 0, "audit", NULL, "compile in audit mode, as `apply --audit` would" },
	{ 0 },
};

static const struct ld_opt explain_opts[] = {
	{ 0, "profile", "NAME", "a built-in preset instead of POLICY: {profiles}" },
	{ 0, "reason", "R",
	  "a reason name (dev_mem, kexec, ... in any case; see\n"
	  "`lockdown reasons`), or a group (all, integrity,\n"
	  "confidentiality) for a table" },
	{ 0, "exe", "PATH",
	  "the task runs this executable (matched by device and inode);\n"
	  "default: an executable no rule names" },
	{ 0, "uid", "N|NAME", "the task's uid (default 0: these operations usually need\nroot)" },
	{ 0, "cgroup", "PATH",
	  "the task's cgroup v2 (/sys/fs/cgroup/x, or x); default: a\ncgroup no rule names" },
	{ 0, "container", NULL,
	  "the task is not in the initial pid and net namespaces (by\n"
	  "default it is: a host process)" },
	{ 0, "module", "FILE",
	  "the task loads this module file (finit_module): decides\n"
	  "module_signature through Module= rules; default: bytes from\n"
	  "memory (init_module), which no Module= names" },
	{ 0, "kexec", "FILE",
	  "the task loads this kernel image (kexec_file_load): decides\n"
	  "kexec through Kexec= rules; default: raw segments (kexec_load)" },
	{ 0, "audit", NULL, "as `apply --audit` would enforce it" },
	{ 0, "btf", "FILE", "reason numbers from FILE instead of " LD_DEFAULT_BTF },
	{ 0 },
};

static const struct ld_opt audit_opts[] = {
	{ 0, "kconfig", "FILE",
	  "kernel config, plain or gzip (default: /proc/config.gz,\n"
	  "/boot/config-$(uname -r),\n/usr/lib/modules/$(uname -r)/config,\n"
	  "/lib/modules/$(uname -r)/build/.config)" },
	{ 0, "cmdline", "FILE", "kernel command line (default /proc/cmdline)" },
	{ 0, "sysctl-root", "DIR",
	  "sysctl tree, e.g. DIR/kernel/kptr_restrict (default\n/proc/sys)" },
	{ 0, "securityfs", "DIR", "directory holding 'lockdown' and 'lsm' (default:\nsecurityfs)" },
	{ 0, "sysfs-root", "DIR",
	  "sysfs tree for module/module/parameters/sig_enforce and\n"
	  "firmware/efi/efivars (default /sys)" },
	{ 0, "offline", NULL,
	  "read only the inputs given above (at least one), nothing\nof this machine" },
	{ 0, "strict", NULL, "exit 1 when a check is unknown, not only when one fails" },
	{ 0, "profile", "NAME",
	  "integrity (default; old name cloudflare): lockdown\n"
	  "integrity or a sealed enforcer is enough; kspp: KSPP's\n"
	  "recommended settings, each threshold cited" },
	{ 0, "fix", "WHAT",
	  "print what fixes the failing checks instead of the report:\n"
	  "kconfig  a fragment for scripts/kconfig/merge_config.sh\n"
	  "sysctl   a drop-in for /etc/sysctl.d/\n"
	  "cmdline  kernel parameters to add" },
	{ 0 },
};

static const struct ld_opt apply_opts[] = {
	{ 0, "profile", "NAME", "a built-in preset instead of POLICY: {profiles}" },
	{ 0, "audit", NULL, "deny nothing: every deny becomes a logged would-deny" },
	{ 0, "seal", NULL, "seal the policy until reboot (asks first on a terminal)" },
	{ 'y', "yes", NULL, "do not ask (required to seal when stdin is not a\nterminal)" },
	{ 0, "force", NULL, "seal even a policy that leaves root a way to change the\nkernel" },
	{ 0, "btf", "FILE",
	  "kernel BTF for reason names and CO-RE relocation\n(default " LD_DEFAULT_BTF ")" },
	{ 0 },
};

static const struct ld_opt events_opts[] = {
	{ 'f', "follow", NULL,
	  "keep reading until interrupted or the enforcer is removed\n(otherwise print what "
	  "is buffered and exit)" },
	{ 0, "journal", NULL,
	  "write each event to the systemd journal instead of stdout,\nwith LOCKDOWN_* fields "
	  "(builds with libsystemd)" },
	{ 0 },
};

static const struct ld_opt stats_opts[] = {
	{ 0, "format", "FORMAT",
	  "text, json or prometheus: the Prometheus text format with\n"
	  "lockdown_decisions_total, lockdown_events_total,\n"
	  "lockdown_tamper_refused_total, lockdown_kernel_level,\n"
	  "lockdown_enforcer_loaded, lockdown_sealed and\n"
	  "lockdown_policy_info (also when nothing is loaded)" },
	{ 'o', "output", "FILE",
	  "write to FILE atomically (a temporary file renamed over\nit), e.g. into "
	  "node_exporter's textfile directory" },
	{ 0, "interval", "SECONDS",
	  "with --output: write again every SECONDS until SIGTERM\n(a metrics sidecar)" },
	{ 0 },
};

static const struct ld_opt learn_opts[] = {
	{ 0, "from", "FILE",
	  "recorded events: lines of `lockdown events -j` (\"-\": standard\ninput)" },
	{ 0, "for", "DURATION",
	  "watch live for this long (90s, 10m, 2h, 1d); with nothing\nin force, the allow "
	  "preset audits every call meanwhile and\nis removed again" },
	{ 0, "base", "GROUP",
	  "what the default denies: all (default), integrity or\nconfidentiality" },
	{ 0, "by", "exe|cgroup", "one section per executable (default) or per cgroup" },
	{ 'o', "output", "FILE", "write the policy to FILE instead of standard output" },
	{ 0, "btf", "FILE", "reason names of the kernel whose BTF is FILE" },
	{ 0 },
};

static const struct ld_opt replay_opts[] = {
	{ 0, "profile", "NAME", "a built-in preset instead of POLICY: {profiles}" },
	{ 0, "from", "FILE", "recorded events: lines of `lockdown events -j` (\"-\": stdin)" },
	{ 0, "audit", NULL, "replay the policy in audit mode, as `apply --audit` would" },
	{ 0, "btf", "FILE", "reason numbers of the kernel whose BTF is FILE" },
	{ 0 },
};

const struct ld_cmd ld_cmds[] = {
	{
		.name = "status",
		.fn = cmd_status,
		.args = "[-j]",
		.summary = "kernel lockdown level, LSMs, BPF LSM, Secure Boot, module signing",
		.opts = no_opts,
		.about = "Show the kernel's lockdown level, the active LSMs, whether BPF LSM is "
			 "usable\n"
			 "(and the boot parameter that makes it so), EFI Secure Boot state and "
			 "module\n"
			 "signature enforcement, and the enforcer's policy. Fields that need root "
			 "say\n"
			 "so instead of failing.",
		.json = "one object; a field that cannot be read is null, with\n"
			"the reason under \"errors\"",
		.epilog = "exit status: 0 ok, 2 usage error.",
	},
	{
		.name = "reasons",
		.fn = cmd_reasons,
		.args = "[-j] [--btf FILE]",
		.summary =
			"the running kernel's lockdown reasons: number, name, class, description",
		.opts = reasons_opts,
		.about = "List the lockdown reasons of the running kernel (or of the kernel whose "
			 "BTF is\n"
			 "FILE): number, name, class and what the reason protects. Numbers differ "
			 "between\n"
			 "kernels; names are stable and are what policies use.",
		.json = "an array of {number, name, class, description}",
		.epilog = "exit status: 0 ok, 2 usage error or unreadable BTF.",
	},
	{
		.name = "raise",
		.fn = cmd_raise,
		.args = "integrity|confidentiality [--yes]",
		.summary = "raise the kernel's own lockdown level (irreversible until reboot)",
		.opts = raise_opts,
		.operand = "LEVEL (integrity or confidentiality)",
		.min_operands = 1,
		.max_operands = 1,
		.about = "Raise the kernel's own lockdown level. This cannot be undone until "
			 "reboot:\n"
			 "  integrity        blocks unsigned modules, /dev/mem, kexec of unsigned "
			 "images,\n"
			 "                   hibernation, raw I/O ports, MSRs, PCI BARs, debugfs, "
			 "...\n"
			 "  confidentiality  also blocks /proc/kcore, kprobes, perf kernel "
			 "sampling,\n"
			 "                   tracefs and BPF reads of kernel memory",
		.json = "{previous, kernel_level, changed}",
		.epilog = "exit status: 0 raised or already there, 1 refused (lowering, not "
			  "confirmed),\n"
			  "2 usage or system error.",
	},
	{
		.name = "check",
		.fn = cmd_check,
		.args = "(POLICY | --profile NAME) [-j] [--btf FILE] [--audit]",
		.summary = "validate a policy offline and print its compiled table",
		.opts = check_opts,
		.operand = "POLICY",
		.max_operands = 1,
		.about = "Validate a lockdown policy without loading anything and print what it "
			 "compiles\n"
			 "to for this kernel: for each rule (the [Policy] default and every "
			 "subject\n"
			 "section) the action (allow, audit, deny) of every lockdown reason, and "
			 "the\n"
			 "subjects each rule applies to. Warnings (reasons this kernel lacks) and "
			 "errors\n"
			 "(with file:line) go to stderr. See docs/policy.md for the language.",
		.json = "validity, diagnostics, digest, rules with actions\nand subjects",
		.epilog = "exit status: 0 valid, 1 invalid policy, 2 usage or system error.\n\n"
			  "example:\n"
			  "  lockdown check /etc/lockdown/policy.conf\n"
			  "  lockdown check --profile desktop -j",
	},
	{
		.name = "explain",
		.fn = cmd_explain,
		.args = "(POLICY | --profile NAME) --reason R [--exe PATH]\n"
			"                        [--uid N|NAME] [--cgroup PATH] [--container]\n"
			"                        [--module FILE | --kexec FILE] [--audit]\n"
			"                        [--btf FILE] [-j]",
		.summary = "what a policy decides for a subject and reason, and which rule matched",
		.opts = explain_opts,
		.operand = "POLICY",
		.max_operands = 1,
		.about =
			"Say what the policy decides when a task asks the kernel for a "
			"lockdown-protected\n"
			"operation: the action (allow, audit, deny), the outcome, the rule that "
			"matched\n"
			"and why (rules are tried most specific first: object (the module or kexec "
			"image\n"
			"file, Module= and Kexec=) > executable > cgroup > uid > host > default). "
			"This\n"
			"runs the decision function the BPF program runs, offline.",
		.json = "the subject, and a verdict per reason",
		.epilog =
			"exit status: 0 explained, 1 invalid policy, 2 usage or system error.\n\n"
			"example:\n"
			"  lockdown explain --profile baseline --reason kexec --container\n"
			"  lockdown explain policy.conf --reason dev_mem --exe /usr/sbin/flashrom\n"
			"  lockdown explain dkms.conf --reason module_signature --module "
			"/lib/modules/$(uname -r)/updates/dkms/zfs.ko",
	},
	{
		.name = "apply",
		.fn = cmd_apply,
		.args = "(POLICY | --profile NAME) [--audit] [--seal [--yes] [--force]]\n"
			"                      [--btf FILE] [-j]",
		.summary = "enforce a policy through the BPF LSM program (pinned; outlives the "
			   "command)",
		.opts = apply_opts,
		.operand = "POLICY",
		.max_operands = 1,
		.about = "Compile POLICY (or a built-in preset) for the running kernel and enforce "
			 "it\n"
			 "through the BPF LSM program on the kernel's locked_down hook. The first "
			 "apply\n"
			 "loads the program and pins it under /sys/fs/bpf/lockdown; enforcement "
			 "outlives\n"
			 "the command. Applying again swaps the tables atomically: the new policy "
			 "is\n"
			 "written beside the one in force, then one index flips, so no call ever "
			 "sees a\n"
			 "half-written policy. A policy that does not compile changes nothing.\n\n"
			 "Sealing (--seal, or Seal=yes in [Policy]) keeps the policy in force "
			 "until\n"
			 "reboot: the kernel then refuses, to root too, removing or unmounting the "
			 "pins,\n"
			 "writable handles to the enforcer's maps, other programs using them, and "
			 "any\n"
			 "way of borrowing an executable's exemption (writing its file, ptrace or\n"
			 "/proc/PID/mem into it, loading code into it that was not there when "
			 "sealed).\n"
			 "A seal is refused when the policy still lets root change the kernel (an\n"
			 "integrity-class reason allowed by the default, host, uid or cgroup "
			 "rules, or\n"
			 "audit mode), unless --force.\n\n"
			 "Needs root and BPF LSM in the kernel's active LSMs (see lockdown "
			 "status).",
		.json = "{applied, source, mode, digest, generation, first_load,\nprogram, sealed, "
			"guards, trusted_files}",
		.epilog = "exit status: 0 in force, 1 invalid policy, refused seal, already sealed "
			  "or\n"
			  "pins of another lockdown version, 2 usage or system error.\n\n"
			  "example:\n"
			  "  lockdown apply --profile desktop     # integrity, but hibernation "
			  "allowed\n"
			  "  lockdown apply /etc/lockdown/site.conf --audit\n"
			  "  lockdown apply --profile integrity --seal --yes   # until reboot",
	},
	{
		.name = "events",
		.fn = cmd_events,
		.args = "[-j] [--follow] [--journal]",
		.summary = "the enforcer's reports: denied and audited calls, refused tampering",
		.opts = events_opts,
		.about =
			"Print the enforcer's reports: every denied call, every call a rule "
			"audits,\n"
			"and in audit mode every would-deny, one line each:\n"
			"  lockdown: deny dev_mem (/dev/mem,kmem,port) pid=412 comm=cat "
			"exe=/bin/cat uid=0 cgroup=1 rule=default\n"
			"exe is the executable's path while /proc/PID/exe still names the same "
			"file,\n"
			"else the file name the kernel recorded and exe_id=MAJOR:MINOR:INODE. "
			"Every\n"
			"field from outside is escaped (\\xNN). Calls made from kernel context "
			"end\n"
			"with subject=kernel. A sealed enforcer also reports what it refused:\n"
			"  lockdown: deny tamper unlink (removing a pin of the sealed enforcer) "
			"...\n"
			"Reports are read once: a second reader sees only newer ones. Each reason\n"
			"reports at most the policy's rate limit per second; lockdown stats "
			"counts\n"
			"what was rate-limited or dropped.",
		.json = "one JSON object per line: time, kind, reason, class,\ndescription, "
			"action, "
			"would_deny, pid, comm, exe,\nexe_name, uid, cgroup, namespaces, mode, "
			"rule, "
			"match,\nsubject_is_actor, ...",
		.epilog = "exit status: 0 ok, 1 pins of another lockdown version, 2 nothing loaded "
			  "or\n"
			  "system error.\n\n"
			  "example:\n"
			  "  lockdown events -j --follow | jq 'select(.reason == \"dev_mem\")'\n"
			  "  lockdown events --follow --journal   # what lockdown-events.service "
			  "runs",
	},
	{
		.name = "stats",
		.fn = cmd_stats,
		.args = "[-j] [--format text|json|prometheus] [--output FILE [--interval SECONDS]]",
		.summary = "the enforcer's exact per-reason counters (also for Prometheus)",
		.opts = stats_opts,
		.about =
			"Per reason, how many calls the enforcer allowed, audited (allowed and\n"
			"reported, including would-denies in audit mode) and denied since it "
			"was\n"
			"loaded; how many reports went to the event buffer, how many were held "
			"back\n"
			"by the per-reason rate limit, and how many were dropped because the "
			"buffer\n"
			"was full. Counts are exact (per-CPU counters, atomic adds, summed). The "
			"text\n"
			"view lists reasons with a nonzero count; JSON lists every reason of this\n"
			"kernel. A sealed enforcer also counts the attempts on itself it refused, "
			"per\n"
			"kind (tamper unlink, umount, map-write, ptrace, ...), as DENIED.",
		.json = "{\"reasons\": [...], \"total\": {...}, \"tamper\": [...]}",
		.epilog = "exit status: 0 ok, 1 pins of another lockdown version, 2 nothing loaded "
			  "(text\n"
			  "and JSON) or system error.\n\n"
			  "example:\n"
			  "  lockdown stats -j | jq '.total.denied'\n"
			  "  lockdown stats --format prometheus -o "
			  "/var/lib/prometheus/node-exporter/lockdown.prom",
	},
	{
		.name = "remove",
		.fn = cmd_remove,
		.args = "[-j]",
		.summary = "stop enforcing: unpin and detach the program (refused when sealed)",
		.opts = no_opts,
		.about = "Stop enforcing: unpin the program, its link and maps from "
			 "/sys/fs/bpf/lockdown.\n"
			 "The program detaches at once; its counters and buffered events are "
			 "gone.\n"
			 "The kernel's own lockdown level is not touched (it cannot be lowered).\n"
			 "Nothing loaded is not an error. Pins of another lockdown version are "
			 "removed\n"
			 "too. A sealed enforcer stays until reboot.",
		.json = "{removed, was_loaded, error}",
		.epilog = "exit status: 0 removed or nothing loaded, 1 sealed, 2 system error.\n\n"
			  "example:\n"
			  "  lockdown remove && lockdown status",
	},
	{
		.name = "refresh",
		.fn = cmd_refresh,
		.args = "",
		.summary = "apply the policy in force again when an exempt executable was replaced",
		.opts = no_opts,
		.about = "An Executable= exemption names a file by device and inode: a package "
			 "upgrade\n"
			 "that replaces the file leaves the new one without it. refresh compiles "
			 "the\n"
			 "policy in force again from its source and, when an exempt executable is "
			 "now\n"
			 "another file, applies it again and names each exemption it refreshed. A\n"
			 "sealed policy cannot change: refresh says which exemptions are stale "
			 "until\n"
			 "reboot. The Debian package runs it from a dpkg trigger after upgrades.",
		.json = "{loaded, source, sealed, stale: [{rule, path}], refreshed,\ngeneration}",
		.epilog =
			"exit status: 0 current or refreshed (or nothing loaded), 1 stale under a "
			"seal,\n"
			"2 the source is gone or no longer compiles, or a system error.",
	},
	{
		.name = "learn",
		.fn = cmd_learn,
		.args = "(--from FILE | --for DURATION) [--base all|integrity|confidentiality]\n"
			"                      [--by exe|cgroup] [-o FILE] [--btf FILE]",
		.summary = "the tightest policy that allows what recorded or live events used",
		.opts = learn_opts,
		.about = "Write the tightest policy that still allows what was used: the default "
			 "denies\n"
			 "the base group, and each executable (or cgroup) that used a reason of "
			 "that\n"
			 "group gets a section allowing just those reasons. Every line says how "
			 "often\n"
			 "and when it was seen. The output is sorted (the same events give the "
			 "same\n"
			 "file) and compiles (lockdown check). Calls that cannot become a rule (a "
			 "kernel\n"
			 "thread, an executable that no longer exists, a reason used but never "
			 "reported\n"
			 "because of the rate limit) are named on stderr.",
		.json = "{sections, output, policy}: the policy as text in policy",
		.epilog = "exit status: 0 written, 1 malformed events, 2 usage or system error.\n\n"
			  "example:\n"
			  "  lockdown apply --profile allow && sleep 604800 && lockdown events -j "
			  ">week.json\n"
			  "  lockdown learn --from week.json -o site.conf\n"
			  "  lockdown learn --for 10m --base integrity",
	},
	{
		.name = "replay",
		.fn = cmd_replay,
		.args = "(POLICY | --profile NAME) --from FILE [--audit] [-j] [--btf FILE]",
		.summary = "what a candidate policy would have done to recorded calls",
		.opts = replay_opts,
		.operand = "POLICY",
		.max_operands = 1,
		.about = "Decide every recorded call again with the candidate policy, through the "
			 "same\n"
			 "decision function as the kernel, and compare with what the policy in "
			 "force\n"
			 "then did: per reason and per rule, how many calls it allows, audits and\n"
			 "denies, and each call it would deny that was allowed.",
		.json = "{policy, reasons, rules, total, unknown_reason,\nnewly_denied: [...]}",
		.epilog = "exit status: 0 nothing newly denied, 1 a call allowed then would be "
			  "denied\n"
			  "(or the policy or the events are invalid), 2 usage or system error.\n\n"
			  "example:\n"
			  "  lockdown replay site.conf --from week.json || echo 'would break "
			  "something'",
	},
	{
		.name = "audit",
		.fn = cmd_audit,
		.args = "[-j] [--profile integrity|kspp] [--offline] [--strict]\n"
			"                      [--kconfig FILE] [--cmdline FILE] [--sysctl-root "
			"DIR]\n"
			"                      [--securityfs DIR] [--sysfs-root DIR]\n"
			"                      [--fix kconfig|sysctl|cmdline]",
		.summary = "the kernel's effective self-protection: checks, evidence and fixes",
		.opts = audit_opts,
		.about = "Audit the kernel's effective protection of its own image: module\n"
			 "signing, kexec, lockdown, KASLR, pointer and log leaks, /dev/mem and "
			 "other\n"
			 "windows onto kernel memory, BPF and Secure Boot. Each check reads the\n"
			 "kernel config, the command line, sysctls and runtime files, and says\n"
			 "which evidence decided it: module signatures count as enforced whether\n"
			 "the config forces them, module.sig_enforce=1 is given, or the kernel is\n"
			 "locked down. A fact that cannot be read makes a check 'unknown'. Inputs\n"
			 "default to the running system's; an input named here must be there.",
		.json = "the profile, the inputs, and each check with its\nstatus, evidence and "
			"fix",
		.epilog = "examples:\n"
			  "  lockdown audit\n"
			  "  lockdown audit --offline --kconfig /boot/config-6.1.0-50-amd64 -j\n"
			  "  lockdown audit --fix sysctl > /etc/sysctl.d/90-lockdown.conf\n\n"
			  "exit status: 0 no check failed, 1 some check failed (or, with --strict, "
			  "is\n"
			  "unknown), 2 usage or input error.",
	},
};
const unsigned int ld_cmd_count = sizeof(ld_cmds) / sizeof(ld_cmds[0]);

const struct ld_cmd *ld_cmd_find(const char *name)
{
	for (unsigned int i = 0; i < ld_cmd_count; i++)
		if (strcmp(ld_cmds[i].name, name) == 0)
			return &ld_cmds[i];
	return NULL;
}

/* ---- help -------------------------------------------------------------------------------- */

/*
 * Text with "{profiles}" replaced by the preset names, each line indented by indent (the first
 * by first_indent). The names wrap to a line of their own when the line would pass 80 columns.
 */
static void put_text(FILE *f, const char *text, int indent, int first_indent)
{
	static const char token[] = "{profiles}";
	int ind = first_indent;

	while (*text) {
		size_t l = strcspn(text, "\n");
		const char *tok = memchr(text, '{', l);

		fprintf(f, "%*s", ind, "");
		if (tok && (size_t)(text + l - tok) >= sizeof(token) - 1 &&
		    strncmp(tok, token, sizeof(token) - 1) == 0) {
			const char *names = ld_preset_names();
			const char *rest = tok + sizeof(token) - 1;
			int before = (int)(tok - text);

			if (ind + before + (int)strlen(names) > 80) {
				int keep = before;

				while (keep > 0 && text[keep - 1] == ' ')
					keep--;
				fprintf(f, "%.*s\n%*s%s%.*s\n", keep, text, indent, "", names,
					(int)(text + l - rest), rest);
			} else {
				fprintf(f, "%.*s%s%.*s\n", before, text, names,
					(int)(text + l - rest), rest);
			}
		} else {
			fprintf(f, "%.*s\n", (int)l, text);
		}
		text += l;
		if (*text == '\n')
			text++;
		ind = indent;
	}
}

static void opt_left(const struct ld_opt *o, char *buf, size_t len)
{
	const char *sp = o->arg ? " " : "", *arg = o->arg ? o->arg : "";

	if (o->short_name)
		snprintf(buf, len, "-%c, --%s%s%s", o->short_name, o->name, sp, arg);
	else
		snprintf(buf, len, "--%s%s%s", o->name, sp, arg);
}

void ld_cmd_help(const struct ld_cmd *c, FILE *f)
{
	char left[64];
	int w = 14;

	fprintf(f, "usage: lockdown %s %s\n\n", c->name, c->args);
	if (c->about) {
		put_text(f, c->about, 0, 0);
		fputc('\n', f);
	}
	for (const struct ld_opt *o = c->opts; o && o->name; o++) {
		opt_left(o, left, sizeof(left));
		if ((int)strlen(left) > w)
			w = (int)strlen(left);
	}
	w += 2;
	fprintf(f, "options:\n");
	for (const struct ld_opt *o = c->opts; o && o->name; o++) {
		opt_left(o, left, sizeof(left));
		fprintf(f, "  %-*s", w, left);
		put_text(f, o->help, w + 2, 0);
	}
	if (c->json) {
		fprintf(f, "  %-*sJSON: ", w, "-j, -p");
		put_text(f, c->json, w + 2, 0);
	}
	fprintf(f, "  %-*s%s\n", w, "-h, --help", "this help");
	if (c->epilog) {
		fputc('\n', f);
		put_text(f, c->epilog, 0, 0);
	}
}

static void usage(FILE *f)
{
	fprintf(f, "usage: lockdown [-j|--json] [-p|--pretty] COMMAND [ARGS]\n\n"
		   "Fine-grained kernel lockdown: per-operation, per-subject decisions through a\n"
		   "BPF LSM program, and the kernel's own lockdown level.\n\ncommands:\n");
	for (unsigned int i = 0; i < ld_cmd_count; i++)
		fprintf(f, "  %-9s %s\n", ld_cmds[i].name, ld_cmds[i].summary);
	fprintf(f, "\nglobal options:\n"
		   "  -j, --json     machine-readable JSON output\n"
		   "  -p, --pretty   pretty-printed JSON (implies -j)\n"
		   "  -h, --help     this help; `lockdown COMMAND --help` for a command\n"
		   "  -V, --version  print the version\n\n"
		   "exit codes: 0 ok, 1 refused or failed check, 2 usage or system error.\n"
		   "See lockdown(8).\n");
}

/* ---- parsing ----------------------------------------------------------------------------- */

static bool args_fail(struct ld_args *a)
{
	a->exit = LD_EXIT_ERR;
	return false;
}

/* A global option every command has: -j, -p; -h is handled by the caller. */
static bool global_short(char ch)
{
	if (ch == 'j') {
		ld_g.json = true;
		return true;
	}
	if (ch == 'p') {
		ld_g.json = ld_g.pretty = true;
		return true;
	}
	return false;
}

static bool global_long(const char *name)
{
	if (strcmp(name, "json") == 0)
		return global_short('j');
	if (strcmp(name, "pretty") == 0)
		return global_short('p');
	return false;
}

static bool set_opt(struct ld_args *a, unsigned int k, const char *value)
{
	const struct ld_opt *o = &a->cmd->opts[k];

	if (o->arg && a->value[k]) {
		ld_usage_error(a->cmd->name, "--%s given twice", o->name);
		return false;
	}
	a->value[k] = value;
	return true;
}

/* The nearest option name, for "did you mean". */
static const char *near_opt(const struct ld_cmd *c, const char *name, size_t n)
{
	char buf[64];

	if (n >= sizeof(buf))
		return NULL;
	memcpy(buf, name, n);
	buf[n] = '\0';
	for (const struct ld_opt *o = c->opts; o->name; o++)
		if (ld_edit_distance(buf, o->name) <= 2)
			return o->name;
	return NULL;
}

bool ld_args_parse(const char *cmd, int argc, char **argv, struct ld_args *a)
{
	const struct ld_cmd *c = ld_cmd_find(cmd);
	bool dashdash = false;
	unsigned int nopts = 0;

	memset(a, 0, sizeof(*a));
	a->cmd = c;
	if (!c || c->own_parser || !c->opts) {
		ld_err("%s: no option table (internal error)", cmd);
		return args_fail(a);
	}
	while (c->opts[nopts].name)
		nopts++;
	if (nopts > LD_ARGS_MAX_OPTS || c->max_operands > LD_ARGS_MAX_OPERANDS) {
		ld_err("%s: option table too large (internal error)", cmd);
		return args_fail(a);
	}
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];

		if (dashdash || s[0] != '-' || s[1] == '\0') {
			if (a->noperands >= c->max_operands) {
				ld_usage_error(cmd, "unexpected argument '%s'", s);
				return args_fail(a);
			}
			a->operand[a->noperands++] = s;
			continue;
		}
		if (strcmp(s, "--") == 0) {
			dashdash = true;
			continue;
		}
		if (s[1] == '-') {
			const char *name = s + 2, *eq = strchr(name, '=');
			size_t n = eq ? (size_t)(eq - name) : strlen(name);
			unsigned int k;

			if (!eq && strcmp(name, "help") == 0) {
				ld_cmd_help(c, stdout);
				a->exit = LD_EXIT_OK;
				return false;
			}
			if (!eq && global_long(name))
				continue;
			for (k = 0; k < nopts; k++)
				if (strlen(c->opts[k].name) == n &&
				    strncmp(c->opts[k].name, name, n) == 0)
					break;
			if (k == nopts) {
				const char *near = near_opt(c, name, n);

				if (near)
					ld_usage_error(
						cmd, "unknown option '--%.*s' (did you mean --%s?)",
						(int)n, name, near);
				else
					ld_usage_error(cmd, "unknown option '--%.*s'", (int)n,
						       name);
				return args_fail(a);
			}
			if (!c->opts[k].arg) {
				if (eq) {
					ld_usage_error(cmd, "option --%s takes no argument",
						       c->opts[k].name);
					return args_fail(a);
				}
				if (!set_opt(a, k, ""))
					return args_fail(a);
				continue;
			}
			if (!eq && i + 1 >= argc) {
				ld_usage_error(cmd, "option --%s needs an argument (%s)",
					       c->opts[k].name, c->opts[k].arg);
				return args_fail(a);
			}
			if (!set_opt(a, k, eq ? eq + 1 : argv[++i]))
				return args_fail(a);
			continue;
		}
		/* One or more short options: -y, -jp, -yj. */
		for (const char *p = s + 1; *p; p++) {
			unsigned int k;

			if (*p == 'h') {
				ld_cmd_help(c, stdout);
				a->exit = LD_EXIT_OK;
				return false;
			}
			if (global_short(*p))
				continue;
			for (k = 0; k < nopts; k++)
				if (c->opts[k].short_name == *p)
					break;
			if (k == nopts) {
				char shown[8];

				ld_escape(shown, sizeof(shown), p, 1);
				if (p[1] || p != s + 1)
					ld_usage_error(cmd, "unknown option '-%s' in '%s'", shown,
						       s);
				else
					ld_usage_error(cmd, "unknown option '-%s'", shown);
				return args_fail(a);
			}
			if (!c->opts[k].arg) {
				if (!set_opt(a, k, ""))
					return args_fail(a);
				continue;
			}
			/* An option with an argument takes the rest of the word, or the next. */
			if (!p[1] && i + 1 >= argc) {
				ld_usage_error(cmd, "option -%c needs an argument (%s)", *p,
					       c->opts[k].arg);
				return args_fail(a);
			}
			if (!set_opt(a, k, p[1] ? p + 1 : argv[++i]))
				return args_fail(a);
			break;
		}
	}
	if (a->noperands < c->min_operands) {
		ld_usage_error(cmd, "missing %s", c->operand ? c->operand : "argument");
		return args_fail(a);
	}
	return true;
}

static int opt_index(const struct ld_args *a, const char *name)
{
	for (int k = 0; a->cmd && a->cmd->opts && a->cmd->opts[k].name; k++)
		if (strcmp(a->cmd->opts[k].name, name) == 0)
			return k;
	/* A command asking for an option its table lacks: a programming error, caught by
	 * every test that runs the command. */
	fprintf(stderr, "lockdown: %s: no option --%s in the command table\n",
		a->cmd ? a->cmd->name : "?", name);
	abort();
}

const char *ld_arg(const struct ld_args *a, const char *name)
{
	return a->value[opt_index(a, name)];
}

bool ld_flag(const struct ld_args *a, const char *name)
{
	return a->value[opt_index(a, name)] != NULL;
}

/* ---- the program ------------------------------------------------------------------------ */

/* "-j", "-p", "-jp", "--json", "--pretty": only global options in one word. */
static bool only_globals(const char *s)
{
	if (strcmp(s, "--json") == 0 || strcmp(s, "--pretty") == 0)
		return global_long(s + 2);
	if (s[0] != '-' || s[1] == '\0' || s[1] == '-')
		return false;
	for (const char *p = s + 1; *p; p++)
		if (*p != 'j' && *p != 'p')
			return false;
	for (const char *p = s + 1; *p; p++)
		global_short(*p);
	return true;
}

static int unknown_command(const char *name)
{
	const char *near = NULL;

	for (unsigned int i = 0; i < ld_cmd_count; i++)
		if (ld_edit_distance(name, ld_cmds[i].name) <= 2)
			near = ld_cmds[i].name;
	if (near)
		return ld_usage_error(NULL, "unknown command '%s' (did you mean %s?)", name, near);
	return ld_usage_error(NULL, "unknown command '%s'", name);
}

static int command_help(const struct ld_cmd *c)
{
	if (c->own_parser) {
		char *sub[] = { (char *)c->name, "--help", NULL };

		return c->fn(2, sub);
	}
	ld_cmd_help(c, stdout);
	return LD_EXIT_OK;
}

int ld_main(int argc, char **argv)
{
	const struct ld_cmd *c;
	const char *s;
	int i = 1;

	while (i < argc && only_globals(argv[i]))
		i++;
	if (i >= argc)
		return ld_usage_error(NULL, "no command given");
	s = argv[i];
	if (strcmp(s, "-h") == 0 || strcmp(s, "--help") == 0 || strcmp(s, "help") == 0) {
		if (i + 1 >= argc) {
			usage(stdout);
			return LD_EXIT_OK;
		}
		c = ld_cmd_find(argv[i + 1]);
		if (!c)
			return unknown_command(argv[i + 1]);
		if (i + 2 < argc)
			return ld_usage_error(NULL, "unexpected argument '%s' after '%s %s'",
					      argv[i + 2], s, argv[i + 1]);
		return command_help(c);
	}
	if (strcmp(s, "-V") == 0 || strcmp(s, "--version") == 0) {
		if (i + 1 < argc)
			return ld_usage_error(NULL, "unexpected argument '%s' after '%s'",
					      argv[i + 1], s);
		printf("lockdown %s\n", LD_VERSION);
		return LD_EXIT_OK;
	}
	if (s[0] == '-')
		return ld_usage_error(NULL, "unknown option '%s'", s);
	c = ld_cmd_find(s);
	if (!c)
		return unknown_command(s);
	if (c->own_parser) {
		/* The command's getopt does not know -j and -p: take them out (up to "--"). */
		int out = i + 1;

		for (int k = i + 1; k < argc; k++) {
			if (strcmp(argv[k], "--") == 0) {
				while (k < argc)
					argv[out++] = argv[k++];
				break;
			}
			if (!only_globals(argv[k]))
				argv[out++] = argv[k];
		}
		argv[out] = NULL;
		argc = out;
	}
	return c->fn(argc - i, argv + i);
}
