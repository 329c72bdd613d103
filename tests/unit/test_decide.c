// SPDX-License-Identifier: GPL-2.0-only
/*
 * ld_decide(), the decision function the BPF program and `lockdown explain` share, against a
 * table of cases written by hand from the documented rules (docs/policy.md, decide.h):
 *
 *   - precedence, most specific first: executable > cgroup > uid > host > default (rule 0);
 *     host applies only to a task in the initial namespaces AND a policy with a Host= rule;
 *   - the matched rule's action for the reason decides: allow -> allowed, audit -> audited,
 *     deny -> denied with -EPERM;
 *   - Mode=audit turns a deny into an audited would-deny that returns 0;
 *   - a reason outside the table, a rule index outside the policy, or an action value that
 *     is none of allow/audit/deny allows.
 *
 * Nothing here computes an expected value: every row says it. Each row is run twice, with
 * every table cell the row does not name set to allow and then to deny, so a decision that
 * reads the wrong rule or the wrong reason shows.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "decide.h"

#define NONE LD_RULE_NONE
#define ANY  0xffffu /* the verdict's rule is not part of the promise (fail-open rows) */
#define R    7u	     /* the reason the rows ask about, unless a row says otherwise */

enum { A = LD_ACT_ALLOW, U = LD_ACT_AUDIT, D = LD_ACT_DENY };
enum { ALLOWED = LD_OUT_ALLOWED, AUDITED = LD_OUT_AUDITED, DENIED = LD_OUT_DENIED };
enum {
	M_DEF = LD_MATCH_DEFAULT,
	M_HOST = LD_MATCH_HOST,
	M_UID = LD_MATCH_UID,
	M_CG = LD_MATCH_CGROUP,
	M_EXE = LD_MATCH_EXE,
};

struct row {
	const char *name;
	/* The policy: mode, rows in use, the Host= rule, and the actions for reason R of rules
	 * 0..: 'a' allow, 'u' audit, 'd' deny, '7' a value that is no action. */
	__u32 mode;
	__u32 nrules;
	__u16 host_rule;
	const char *acts;
	/* The subject: the rule each lookup found, and the host flag. */
	__u32 exe, cgroup, uid, host;
	__u32 reason;
	/* Expected verdict. */
	__u8 action, outcome, match;
	__u16 rule;
	__s16 ret;
	__u8 would_deny;
};

#define ENF LD_MODE_ENFORCE
#define AUD LD_MODE_AUDIT

/* clang-format off */
static const struct row rows[] = {
	/* name                         mode nr host  acts     exe   cg    uid   host reason  action outcome  match   rule ret would */
	/* The default rule alone. */
	{ "default allow",              ENF, 1, NONE, "a",     NONE, NONE, NONE, 0, R, A, ALLOWED, M_DEF,  0, 0, 0 },
	{ "default audit",              ENF, 1, NONE, "u",     NONE, NONE, NONE, 0, R, U, AUDITED, M_DEF,  0, 0, 0 },
	{ "default deny",               ENF, 1, NONE, "d",     NONE, NONE, NONE, 0, R, D, DENIED,  M_DEF,  0, -1, 0 },
	{ "default deny, host task",    ENF, 1, NONE, "d",     NONE, NONE, NONE, 1, R, D, DENIED,  M_DEF,  0, -1, 0 },
	/* Rules 0..4: default deny, exe allow, cgroup audit, uid deny, host allow. */
	{ "nothing matches",            ENF, 5, 4,    "dauda", NONE, NONE, NONE, 0, R, D, DENIED,  M_DEF,  0, -1, 0 },
	{ "host",                       ENF, 5, 4,    "dauda", NONE, NONE, NONE, 1, R, A, ALLOWED, M_HOST, 4, 0, 0 },
	{ "uid over default",           ENF, 5, 4,    "dauda", NONE, NONE, 3,    0, R, D, DENIED,  M_UID,  3, -1, 0 },
	{ "uid over host",              ENF, 5, 4,    "dauda", NONE, NONE, 3,    1, R, D, DENIED,  M_UID,  3, -1, 0 },
	{ "cgroup over default",        ENF, 5, 4,    "dauda", NONE, 2,    NONE, 0, R, U, AUDITED, M_CG,   2, 0, 0 },
	{ "cgroup over host",           ENF, 5, 4,    "dauda", NONE, 2,    NONE, 1, R, U, AUDITED, M_CG,   2, 0, 0 },
	{ "cgroup over uid",            ENF, 5, 4,    "dauda", NONE, 2,    3,    0, R, U, AUDITED, M_CG,   2, 0, 0 },
	{ "cgroup over uid and host",   ENF, 5, 4,    "dauda", NONE, 2,    3,    1, R, U, AUDITED, M_CG,   2, 0, 0 },
	{ "exe over default",           ENF, 5, 4,    "dauda", 1,    NONE, NONE, 0, R, A, ALLOWED, M_EXE,  1, 0, 0 },
	{ "exe over host",              ENF, 5, 4,    "dauda", 1,    NONE, NONE, 1, R, A, ALLOWED, M_EXE,  1, 0, 0 },
	{ "exe over uid",               ENF, 5, 4,    "dauda", 1,    NONE, 3,    0, R, A, ALLOWED, M_EXE,  1, 0, 0 },
	{ "exe over cgroup",            ENF, 5, 4,    "dauda", 1,    2,    NONE, 0, R, A, ALLOWED, M_EXE,  1, 0, 0 },
	{ "exe over everything",        ENF, 5, 4,    "dauda", 1,    2,    3,    1, R, A, ALLOWED, M_EXE,  1, 0, 0 },
	/* The same ladder with the actions reversed: a more specific deny beats a laxer rule. */
	{ "exe deny over cgroup allow", ENF, 5, 4,    "aduaa", 1,    2,    3,    1, R, D, DENIED,  M_EXE,  1, -1, 0 },
	{ "cgroup audit over uid allow",ENF, 5, 4,    "adaua", NONE, 3,    4,    1, R, U, AUDITED, M_CG,   3, 0, 0 },
	{ "uid deny over host allow",   ENF, 5, 4,    "aaada", NONE, NONE, 3,    1, R, D, DENIED,  M_UID,  3, -1, 0 },
	{ "host deny over default",     ENF, 5, 4,    "aaaad", NONE, NONE, NONE, 1, R, D, DENIED,  M_HOST, 4, -1, 0 },
	/* Host needs both the flag and a Host= rule. */
	{ "host flag, no Host= rule",   ENF, 5, NONE, "dauda", NONE, NONE, NONE, 1, R, D, DENIED,  M_DEF,  0, -1, 0 },
	{ "Host= rule, not a host task",ENF, 5, 4,    "dauda", NONE, NONE, NONE, 0, R, D, DENIED,  M_DEF,  0, -1, 0 },
	/* Audit mode: a deny becomes a would-deny, allowed; audit and allow are unchanged. */
	{ "audit mode, default deny",   AUD, 5, 4,    "dauda", NONE, NONE, NONE, 0, R, D, AUDITED, M_DEF,  0, 0, 1 },
	{ "audit mode, uid deny",       AUD, 5, 4,    "dauda", NONE, NONE, 3,    1, R, D, AUDITED, M_UID,  3, 0, 1 },
	{ "audit mode, cgroup audit",   AUD, 5, 4,    "dauda", NONE, 2,    NONE, 0, R, U, AUDITED, M_CG,   2, 0, 0 },
	{ "audit mode, exe allow",      AUD, 5, 4,    "dauda", 1,    NONE, NONE, 0, R, A, ALLOWED, M_EXE,  1, 0, 0 },
	{ "audit mode, host allow",     AUD, 5, 4,    "dauda", NONE, NONE, NONE, 1, R, A, ALLOWED, M_HOST, 4, 0, 0 },
	/* The edges of the table: the last row and reason in use are enforced... */
	{ "last rule in use",           ENF, 5, NONE, "aaaad", 4,    NONE, NONE, 0, R, D, DENIED,  M_EXE,  4, -1, 0 },
	{ "last reason slot",           ENF, 1, NONE, "d",     NONE, NONE, NONE, 0, LD_REASONS - 1, D, DENIED, M_DEF, 0, -1, 0 },
	{ "reason 0",                   ENF, 1, NONE, "d",     NONE, NONE, NONE, 0, 0, D, DENIED,  M_DEF,  0, -1, 0 },
	/* ...and anything past them allows. */
	{ "exe rule past nrules",       ENF, 5, NONE, "ddddd", 5,    NONE, NONE, 0, R, A, ALLOWED, M_EXE,  ANY, 0, 0 },
	{ "cgroup rule past the table", ENF, 5, NONE, "ddddd", NONE, LD_RULES, NONE, 0, R, A, ALLOWED, M_CG, ANY, 0, 0 },
	{ "uid rule far out",           ENF, 5, NONE, "ddddd", NONE, NONE, 0xfffe, 0, R, A, ALLOWED, M_UID, ANY, 0, 0 },
	{ "host rule past nrules",      ENF, 5, 9,    "ddddd", NONE, NONE, NONE, 1, R, A, ALLOWED, M_HOST, ANY, 0, 0 },
	{ "reason past the table",      ENF, 1, NONE, "d",     NONE, NONE, NONE, 0, LD_REASONS, A, ALLOWED, M_DEF, ANY, 0, 0 },
	{ "reason ~0",                  ENF, 1, NONE, "d",     NONE, NONE, NONE, 0, 0xffffffffu, A, ALLOWED, M_DEF, ANY, 0, 0 },
	{ "empty policy (nrules 0)",    ENF, 0, NONE, "",      NONE, NONE, NONE, 0, R, A, ALLOWED, M_DEF,  ANY, 0, 0 },
	{ "out of range in audit mode", AUD, 5, NONE, "ddddd", 5,    NONE, NONE, 0, R, A, ALLOWED, M_EXE,  ANY, 0, 0 },
	/* An action value that is none of allow/audit/deny allows. */
	{ "unknown action value",       ENF, 1, NONE, "7",     NONE, NONE, NONE, 0, R, A, ALLOWED, M_DEF,  0, 0, 0 },
	{ "unknown action, audit mode", AUD, 2, NONE, "d7",    1,    NONE, NONE, 0, R, A, ALLOWED, M_EXE,  1, 0, 0 },
};
/* clang-format on */

static __u8 act_of(char c)
{
	switch (c) {
	case 'a':
		return LD_ACT_ALLOW;
	case 'u':
		return LD_ACT_AUDIT;
	case 'd':
		return LD_ACT_DENY;
	case '7':
		return 7;
	}
	fail_msg("bad action letter '%c' in the table", c);
	return 0;
}

/* The row's policy; every cell it does not name holds DECOY. */
static void build(const struct row *r, __u8 decoy, struct ld_policy *p)
{
	memset(p, 0, sizeof(*p));
	memset(p->action, decoy, sizeof(p->action));
	p->mode = r->mode;
	p->nrules = r->nrules;
	p->host_rule = r->host_rule;
	p->rate_limit = 100;
	for (size_t i = 0; r->acts[i]; i++)
		if (r->reason < LD_REASONS)
			p->action[i][r->reason] = act_of(r->acts[i]);
}

/* One row, as one cmocka test named after it. */
static void test_row(void **state)
{
	static const __u8 decoys[] = { LD_ACT_ALLOW, LD_ACT_DENY };
	const struct row *r = *state;
	const struct ld_subject_rules s = {
		.obj = NONE, .exe = r->exe, .cgroup = r->cgroup, .uid = r->uid, .host = r->host
	};

	assert_int_equal(strlen(r->acts), r->nrules);
	for (size_t k = 0; k < 2; k++) {
		struct ld_policy p;
		struct ld_verdict v;

		build(r, decoys[k], &p);
		v = ld_decide(&p, r->reason, &s);
		if (v.action != r->action || v.outcome != r->outcome || v.match != r->match ||
		    (r->rule != ANY && v.rule != r->rule) || v.ret != r->ret ||
		    v.would_deny != r->would_deny)
			fail_msg("'%s' (other cells %s): got action %u outcome %u match %u rule %u "
				 "ret %d would_deny %u; want %u %u %u %u %d %u",
				 r->name, k ? "deny" : "allow", v.action, v.outcome, v.match,
				 v.rule, v.ret, v.would_deny, r->action, r->outcome, r->match,
				 r->rule, r->ret, r->would_deny);
	}
}

/* The table covers every subject kind, every outcome and both modes. */
static void test_table_coverage(void **state)
{
	unsigned int matched[5] = { 0 }, outcomes[3] = { 0 }, modes[2] = { 0 };
	(void)state;

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		matched[rows[i].match]++;
		outcomes[rows[i].outcome]++;
		modes[rows[i].mode]++;
	}
	for (int m = 0; m < 5; m++)
		assert_true(matched[m] > 0);
	for (int o = 0; o < 3; o++)
		assert_true(outcomes[o] > 0);
	assert_true(modes[0] > 0 && modes[1] > 0);
}

/* A row's decision depends on its own reason only: a second reason in the same rule keeps
 * its own action (the policy is a table, not one action per rule). */
static void test_reasons_are_independent(void **state)
{
	const struct ld_subject_rules s = { .obj = NONE, .exe = 1, .cgroup = NONE, .uid = NONE };
	struct ld_policy p;
	(void)state;

	memset(&p, 0, sizeof(p));
	p.nrules = 2;
	p.host_rule = NONE;
	p.action[1][3] = LD_ACT_DENY;
	p.action[1][4] = LD_ACT_AUDIT;
	p.action[0][5] = LD_ACT_DENY; /* the default row's deny does not leak into rule 1 */
	assert_int_equal(ld_decide(&p, 3, &s).outcome, LD_OUT_DENIED);
	assert_int_equal(ld_decide(&p, 4, &s).outcome, LD_OUT_AUDITED);
	assert_int_equal(ld_decide(&p, 5, &s).outcome, LD_OUT_ALLOWED);
	assert_int_equal(ld_decide(&p, 6, &s).outcome, LD_OUT_ALLOWED);
}

/*
 * The object rule (Module=, Kexec=: found only for its reason, for the file the kernel read)
 * outranks every subject rule, both ways, and fails open past the table like the others.
 */
static void test_object_precedence(void **state)
{
	struct ld_subject_rules s = { .obj = 2, .exe = 1, .cgroup = 1, .uid = 1, .host = 1 };
	struct ld_verdict v;
	struct ld_policy p;
	(void)state;

	memset(&p, 0, sizeof(p));
	p.nrules = 3;
	p.host_rule = 1;
	p.action[0][R] = LD_ACT_DENY;
	p.action[1][R] = LD_ACT_DENY;
	p.action[2][R] = LD_ACT_ALLOW;
	v = ld_decide(&p, R, &s);
	assert_int_equal(v.match, LD_MATCH_OBJECT);
	assert_int_equal(v.rule, 2);
	assert_int_equal(v.outcome, LD_OUT_ALLOWED);
	/* An object rule that denies beats an executable that is allowed. */
	p.action[1][R] = LD_ACT_ALLOW;
	p.action[2][R] = LD_ACT_DENY;
	v = ld_decide(&p, R, &s);
	assert_int_equal(v.match, LD_MATCH_OBJECT);
	assert_int_equal(v.ret, -1);
	p.mode = LD_MODE_AUDIT;
	v = ld_decide(&p, R, &s);
	assert_int_equal(v.outcome, LD_OUT_AUDITED);
	assert_int_equal(v.would_deny, 1);
	p.mode = LD_MODE_ENFORCE;
	/* No object rule: the executable's decides. */
	s.obj = NONE;
	v = ld_decide(&p, R, &s);
	assert_int_equal(v.match, LD_MATCH_EXE);
	assert_int_equal(v.outcome, LD_OUT_ALLOWED);
	/* An object rule past the rows in use allows, like any rule out of range. */
	s.obj = 3;
	v = ld_decide(&p, R, &s);
	assert_int_equal(v.outcome, LD_OUT_ALLOWED);
	assert_int_equal(v.ret, 0);
}

int main(void)
{
	enum { NROWS = sizeof(rows) / sizeof(rows[0]) };
	struct CMUnitTest tests[NROWS + 3];

	for (size_t i = 0; i < NROWS; i++)
		tests[i] = (struct CMUnitTest){ .name = rows[i].name,
						.test_func = test_row,
						.initial_state = (void *)&rows[i] };
	tests[NROWS] = (struct CMUnitTest)cmocka_unit_test(test_table_coverage);
	tests[NROWS + 1] = (struct CMUnitTest)cmocka_unit_test(test_reasons_are_independent);
	tests[NROWS + 2] = (struct CMUnitTest)cmocka_unit_test(test_object_precedence);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
