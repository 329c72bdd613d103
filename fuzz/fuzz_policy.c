// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer harness for the policy parser and compiler: any bytes as a policy file, compiled
 * against the reasons of fuzz/kernel.c (a 6.1 kernel's and one later). Checks what must hold
 * for every input: an error compiles nothing; a success gives tables the BPF program can use
 * as they are (rule indexes in range, known actions, sorted unique subjects), and
 * ld_decide() over them stays in range; every message is one line of printable UTF-8 (a
 * policy's bytes are never shown raw).
 *
 * Seeds: fuzz/corpus/policy and the presets in policies/. fuzz/run builds and runs it
 * (tests/fuzz-quick briefly, bench/fuzz long).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "kernel.h"
#include "policy/policy.h"
#include "util.h"

static struct ld_reasons rs;

static void check_compiled(const struct ld_compiled *c)
{
	CHECK(c->pol.nrules >= 1 && c->pol.nrules <= LD_RULES);
	CHECK(c->pol.mode == LD_MODE_ENFORCE || c->pol.mode == LD_MODE_AUDIT);
	CHECK(c->pol.host_rule == LD_RULE_NONE ||
	      (c->pol.host_rule >= 1 && c->pol.host_rule < c->pol.nrules));
	for (unsigned int r = 0; r < LD_RULES; r++)
		for (unsigned int k = 0; k < LD_REASONS; k++)
			CHECK(c->pol.action[r][k] <= LD_ACT_DENY &&
			      (r < c->pol.nrules || c->pol.action[r][k] == LD_ACT_ALLOW));
	CHECK(c->nexes <= LD_EXE_MAX && c->ncgroups <= LD_CGROUP_MAX && c->nuids <= LD_UID_MAX);
	for (size_t i = 0; i < c->nexes; i++) {
		CHECK(c->exes[i].rule >= 1 && c->exes[i].rule < c->pol.nrules);
		CHECK(i == 0 || c->exes[i - 1].dev < c->exes[i].dev ||
		      (c->exes[i - 1].dev == c->exes[i].dev &&
		       c->exes[i - 1].ino < c->exes[i].ino));
	}
	for (size_t i = 0; i < c->ncgroups; i++) {
		CHECK(c->cgroups[i].rule >= 1 && c->cgroups[i].rule < c->pol.nrules);
		CHECK(i == 0 || c->cgroups[i - 1].id < c->cgroups[i].id);
	}
	for (size_t i = 0; i < c->nuids; i++) {
		CHECK(c->uids[i].rule >= 1 && c->uids[i].rule < c->pol.nrules);
		CHECK(i == 0 || c->uids[i - 1].uid < c->uids[i].uid);
	}
	for (unsigned int r = 0; r < c->pol.nrules; r++)
		CHECK(c->rule_names[r][0] && memchr(c->rule_names[r], '\0', LD_RULE_NAME_LEN));
	/* Every uid subject finds its own rule, and decisions stay in range. */
	for (size_t i = 0; i < c->nuids; i++) {
		struct ld_subject_rules sr;
		struct ld_verdict v;

		ld_compiled_match(c, 0, 0, 0, c->uids[i].uid, true, &sr);
		CHECK(sr.uid == c->uids[i].rule);
		v = ld_decide(&c->pol, rs.r[i % rs.count].number, &sr);
		CHECK(v.rule == c->uids[i].rule && v.match == LD_MATCH_UID);
		CHECK(v.outcome < LD_OUTCOMES && (v.ret == 0 || v.ret == -LD_EPERM));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct ld_policy_opts opts = {
		.cgroup_root = "/nonexistent-lockdown-fuzz-cgroup",
		.passwd = "/dev/null", /* no NSS look-ups: fast and deterministic */
	};
	struct ld_compiled c;
	struct ld_diag d = { 0 };
	int ret;

	if (!rs.count)
		fuzz_reasons(&rs);
	ret = ld_policy_compile_buffer("fuzz.conf", (const char *)data, size, &rs, &opts, &c, &d);
	if (ret == 0) {
		CHECK(d.errors == 0);
		check_compiled(&c);
	} else {
		CHECK(d.errors > 0 && d.count > 0);
		CHECK(c.pol.nrules == 0 && !c.exes && !c.cgroups && !c.uids);
	}
	for (size_t i = 0; i < d.count; i++) {
		char buf[2600];

		CHECK(d.msgs[i].severity == LD_DIAG_ERROR || d.msgs[i].severity == LD_DIAG_WARNING);
		ld_diag_format(&d.msgs[i], buf, sizeof(buf));
		CHECK(ld_text_ok(buf, strlen(buf)));
	}
	ld_compiled_free(&c);
	ld_diag_free(&d);
	return 0;
}
